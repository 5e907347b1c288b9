import { DEFAULT_PAGE_SIZE, toGlobalId } from '@app/core';
import { ForumSearch } from './forum-search';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

const BOARD = '00000000-0000-4000-8000-000000000007';
const NO_ARGUMENTS_WRITTEN = { fieldNodes: [], variableValues: {} };

/** A resolver over a service whose forum finds nothing, with the service's calls recorded. */
function resolverOverEmptyForum() {
  const forum: ForumSearch = {
    hits: () => Promise.resolve([]),
    countHits: () => Promise.resolve(0),
    similarThreadIds: () => Promise.resolve([]),
    publishedThreads: () => Promise.resolve([]),
    publishedPosts: () => Promise.resolve([]),
  };
  const service = new SearchService(forum);
  return { resolver: new SearchResolver(service), search: jest.spyOn(service, 'search') };
}

describe('SearchResolver.search', () => {
  it('hands the service the board as a UUID, decoded from its global ID', async () => {
    const { resolver, search } = resolverOverEmptyForum();
    await resolver.search('router', toGlobalId('Board', BOARD), {}, NO_ARGUMENTS_WRITTEN);
    expect(search).toHaveBeenCalledWith('router', BOARD, {
      direction: 'forward',
      limit: DEFAULT_PAGE_SIZE,
      cursor: null,
    });
  });

  it('refuses a board id that is not the global ID of a board, before the service is asked', () => {
    const { resolver, search } = resolverOverEmptyForum();
    expect(() => resolver.search('router', 'not-an-id', {}, NO_ARGUMENTS_WRITTEN)).toThrow(
      'boardId',
    );
    expect(() =>
      resolver.search('router', toGlobalId('Thread', BOARD), {}, NO_ARGUMENTS_WRITTEN),
    ).toThrow('boardId');
    expect(search).not.toHaveBeenCalled();
  });
});
