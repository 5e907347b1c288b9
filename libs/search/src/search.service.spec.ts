import { PostEntity, ThreadEntity } from '@app/forum';
import { HitRow, SearchRepository } from './search.repository';
import { SearchService } from './search.service';

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const thread = (n: number): ThreadEntity => Object.assign(new ThreadEntity(), { id: id(n) });
const post = (n: number): PostEntity => Object.assign(new PostEntity(), { id: id(100 + n) });
const row = (n: number, postId: string | null = null): HitRow => ({
  threadId: id(n),
  postId,
  score: `0.${String(90 - n).padStart(6, '0')}`,
  headline: `hit \uE000${n}\uE001`,
});

/** A service over a repository that ranked `rows` and still finds the given entities published. */
function serviceWith(rows: HitRow[], threads: ThreadEntity[], posts: PostEntity[] = []) {
  const repository = {
    hits: jest.fn().mockResolvedValue(rows),
    countHits: jest.fn().mockResolvedValue(rows.length),
    publishedThreads: jest.fn((ids: string[]) =>
      Promise.resolve(threads.filter((entity) => ids.includes(entity.id))),
    ),
    publishedPosts: jest.fn((ids: string[]) =>
      Promise.resolve(posts.filter((entity) => ids.includes(entity.id))),
    ),
    similarThreadIds: jest.fn().mockResolvedValue(rows.map((hit) => hit.threadId)),
  };
  return { service: new SearchService(repository as unknown as SearchRepository), repository };
}

describe('SearchService.search', () => {
  it('shows a page of hits with their entities, marks and exact scores', async () => {
    const { service } = serviceWith([row(1), row(2, id(102))], [thread(1), thread(2)], [post(2)]);
    const page = await service.search('router', null, 20, null);
    expect(page.edges.map((edge) => edge.node)).toEqual([
      { thread: thread(1), post: null, highlight: 'hit <mark>1</mark>', score: 0.000089 },
      { thread: thread(2), post: post(2), highlight: 'hit <mark>2</mark>', score: 0.000088 },
    ]);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('loads the threads and answers of a page in one call each, without the extra row', async () => {
    const { service, repository } = serviceWith([row(1), row(2), row(3)], [thread(1), thread(2)]);
    const page = await service.search('router', null, 2, null);
    expect(repository.publishedThreads).toHaveBeenCalledTimes(1);
    expect(repository.publishedThreads).toHaveBeenCalledWith([id(1), id(2)]);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('leaves out a hit whose thread or answer was unpublished after ranking, and still pages on', async () => {
    const { service } = serviceWith(
      [row(1), row(2, id(102)), row(3), row(4)],
      [thread(1), thread(2), thread(4)],
    );
    const page = await service.search('router', null, 3, null);
    expect(page.edges.map((edge) => edge.node.thread.id)).toEqual([id(1)]);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('checks the text, the board id and first before asking the database', async () => {
    const { service, repository } = serviceWith([], []);
    await expect(service.search('  ', null, 20, null)).rejects.toThrow('query');
    await expect(service.search('router', 'not-an-id', 20, null)).rejects.toThrow('boardId');
    await expect(service.search('router', null, 101, null)).rejects.toThrow('first');
    await expect(service.search('router', null, 20, 'garbage')).rejects.toThrow('after');
    expect(repository.hits).not.toHaveBeenCalled();
  });
});

describe('SearchService.similarThreads', () => {
  it('keeps the ranked order and drops threads unpublished meanwhile', async () => {
    const { service } = serviceWith([row(3), row(1), row(2)], [thread(1), thread(3)]);
    const found = await service.similarThreads('Router keeps rebooting', null, 5);
    expect(found.map((entity) => entity.id)).toEqual([id(3), id(1)]);
  });
});
