import { ContentStatus } from '@app/core';
import { MediumTest } from '@test/medium';
import { ForumModule } from '../forum.module';
import { ForumRows } from '../testing/forum-rows';
import { SitemapRepository } from './sitemap.repository';
import { SitemapService } from './sitemap.service';

describe('The sitemap on the real database', () => {
  const medium = new MediumTest();
  const rows = new ForumRows(medium);
  let sitemap: SitemapService;
  const threads: string[] = [];

  beforeAll(async () => {
    await medium.start([ForumModule]);
    sitemap = medium.get(SitemapService);
    const board = await rows.board();
    for (let day = 1; day <= 5; day += 1) {
      threads.push(await rows.thread({ board, createdAt: new Date(Date.UTC(2026, 0, day)) }));
    }
    await rows.thread({ board, contentStatus: ContentStatus.HIDDEN });
  });
  afterAll(() => medium.stop());

  it('walks the published threads oldest first, by keyset', async () => {
    const first = await sitemap.threads(null, 3);
    expect(first.threads.map((thread) => thread.id)).toEqual(threads.slice(0, 3));
    expect(first.hasNextPage).toBe(true);
    const rest = await sitemap.threads(first.endCursor, 3);
    expect(rest.threads.map((thread) => thread.id)).toEqual(threads.slice(3));
    expect(rest.hasNextPage).toBe(false);
  });

  it('cuts them into pages, each starting where the last ended', async () => {
    const pages = await sitemap.pages(2);
    expect(pages.map((page) => page.threadCount)).toEqual([2, 2, 1]);
    const second = await sitemap.threads(pages[1].after, 2);
    expect(second.threads.map((thread) => thread.id)).toEqual(threads.slice(2, 4));
    expect(await medium.get(SitemapRepository).pages(10)).toHaveLength(1);
  });
});
