import {
  Connection,
  EXPENSIVE_FIELD_COST,
  FieldArguments,
  fromGlobalId,
  PageArgs,
  pageRequest,
} from '@app/core';
import { SEARCH_CANDIDATES, ThreadType } from '@app/forum';
import { Args, ID, Info, Int, Query, Resolver } from '@nestjs/graphql';
import { FoundThread } from './forum-search';
import { SearchHit, SearchHitConnection } from './search-hit.type';
import { SearchService } from './search.service';

/** Search is open to everyone: it only ever finds published content. */
@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Query(() => SearchHitConnection, {
    complexity: EXPENSIVE_FIELD_COST,
    description:
      `Published threads matching the words, best first. Ranking covers up to ${SEARCH_CANDIDATES} ` +
      `matching threads and ${SEARCH_CANDIDATES} matching answers, recent ones first; totalCount ` +
      'counts the threads among them.',
  })
  search(
    @Args('query') query: string,
    @Args('boardId', { type: () => ID, nullable: true }) boardId: string | null,
    @Args() paging: PageArgs,
    @Info() info: FieldArguments,
  ): Promise<Connection<SearchHit>> {
    const page = pageRequest(paging, info);
    const board = boardId ? fromGlobalId(boardId, 'Board', 'boardId') : null;
    return this.searchService.search(query, board, page);
  }

  @Query(() => [ThreadType], {
    complexity: EXPENSIVE_FIELD_COST,
    description: 'Published threads like the one being asked, for deflection while typing.',
  })
  similarThreads(
    @Args('title') title: string,
    @Args('body', { type: () => String, nullable: true }) body: string | null,
    @Args('first', { type: () => Int, defaultValue: 5, nullable: true }) first: number | null,
  ): Promise<FoundThread[]> {
    return this.searchService.similarThreads(title, body, first);
  }
}
