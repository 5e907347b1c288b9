import { PageRequest } from '@app/core';
import { ForumSearch, FoundPost, FoundThread, HitRow } from './forum-search';
import { EXCERPT_FORMAT } from './highlight';
import { hitCursor } from './search-cursor';
import { SearchService } from './search.service';

const hitCursorOf = (hit: HitRow): string =>
  hitCursor({ score: hit.score, threadId: hit.threadId });

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const thread = (n: number): FoundThread => ({ id: id(n) });
const post = (n: number): FoundPost => ({ id: id(100 + n) });
const row = (n: number, postId: string | null = null): HitRow => ({
  threadId: id(n),
  postId,
  score: `0.${String(90 - n).padStart(6, '0')}`,
  headline: `hit \uE000${n}\uE001`,
});

const forward = (limit: number, cursor: string | null = null): PageRequest => ({
  direction: 'forward',
  limit,
  cursor,
});

/** A service over a forum that ranked `rows` and still has the given threads and answers. */
function serviceWith(rows: HitRow[], threads: FoundThread[], posts: FoundPost[] = []) {
  const forum = {
    hits: jest.fn<ReturnType<ForumSearch['hits']>, Parameters<ForumSearch['hits']>>(() =>
      Promise.resolve(rows),
    ),
    countHits: jest.fn(() => Promise.resolve(rows.length)),
    publishedThreads: jest.fn((ids: string[]) =>
      Promise.resolve(threads.filter((record) => ids.includes(record.id))),
    ),
    publishedPosts: jest.fn((ids: string[]) =>
      Promise.resolve(posts.filter((record) => ids.includes(record.id))),
    ),
    similarThreadIds: jest.fn(() => Promise.resolve(rows.map((hit) => hit.threadId))),
  } satisfies ForumSearch;
  return { service: new SearchService(forum), forum };
}

describe('SearchService.search', () => {
  it('shows a page of hits with their threads and answers, marks and exact scores', async () => {
    const { service } = serviceWith([row(1), row(2, id(102))], [thread(1), thread(2)], [post(2)]);
    const page = await service.search('router', null, forward(20));
    expect(page.edges.map((edge) => edge.node)).toEqual([
      { thread: thread(1), post: null, highlight: 'hit <mark>1</mark>', score: 0.000089 },
      { thread: thread(2), post: post(2), highlight: 'hit <mark>2</mark>', score: 0.000088 },
    ]);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('asks the forum for the trimmed text in the board, with the excerpt marks highlighting reads', async () => {
    const { service, forum } = serviceWith([], []);
    await service.search('  router  ', id(7), forward(20));
    expect(forum.hits).toHaveBeenCalledWith(
      { text: 'router', boardId: id(7) },
      20,
      null,
      'forward',
      EXCERPT_FORMAT,
    );
  });

  it('loads the threads and answers of a page in one call each, without the extra row', async () => {
    const { service, forum } = serviceWith([row(1), row(2), row(3)], [thread(1), thread(2)]);
    const page = await service.search('router', null, forward(2));
    expect(forum.publishedThreads).toHaveBeenCalledTimes(1);
    expect(forum.publishedThreads).toHaveBeenCalledWith([id(1), id(2)]);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('leaves out a hit whose thread or answer was unpublished after ranking, and still pages on', async () => {
    const { service } = serviceWith(
      [row(1), row(2, id(102)), row(3), row(4)],
      [thread(1), thread(2), thread(4)],
    );
    const page = await service.search('router', null, forward(3));
    expect(page.edges.map((edge) => edge.node.thread.id)).toEqual([id(1)]);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('checks the text and the cursor before asking the database', async () => {
    const { service, forum } = serviceWith([], []);
    await expect(service.search('  ', null, forward(20))).rejects.toThrow('query');
    await expect(service.search('router', null, forward(20, 'garbage'))).rejects.toThrow('after');
    const backward: PageRequest = { direction: 'backward', limit: 20, cursor: 'garbage' };
    await expect(service.search('router', null, backward)).rejects.toThrow('before');
    expect(forum.hits).not.toHaveBeenCalled();
  });

  it('turns a backward page (fetched nearest the cursor first) back into best-first order', async () => {
    // The hits before row 4's cursor, worst first, one more than the page asks for.
    const { service, forum } = serviceWith(
      [row(3), row(2), row(1)],
      [thread(1), thread(2), thread(3)],
    );
    const before = hitCursorOf(row(4));
    const page = await service.search('router', null, {
      direction: 'backward',
      limit: 2,
      cursor: before,
    });
    expect(forum.hits).toHaveBeenCalledWith(
      expect.anything(),
      2,
      { score: row(4).score, threadId: id(4) },
      'backward',
      EXCERPT_FORMAT,
    );
    expect(page.edges.map((edge) => edge.node.thread.id)).toEqual([id(2), id(3)]);
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });
});

describe('SearchService.similarThreads', () => {
  it('keeps the ranked order and drops threads unpublished meanwhile', async () => {
    const { service } = serviceWith([row(3), row(1), row(2)], [thread(1), thread(3)]);
    const found = await service.similarThreads('Router keeps rebooting', null, 5);
    expect(found.map((record) => record.id)).toEqual([id(3), id(1)]);
  });
});
