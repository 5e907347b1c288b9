import { Connection, EXPENSIVE_FIELD_COST } from '@app/core';
import { ThreadEntity, ThreadType } from '@app/forum';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { SearchHit, SearchHitConnection } from './search-hit.type';
import { SearchService } from './search.service';

/** Search is open to everyone: it only ever finds published content. */
@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Query(() => SearchHitConnection, { complexity: EXPENSIVE_FIELD_COST })
  search(
    @Args('query') query: string,
    @Args('boardId', { type: () => ID, nullable: true }) boardId: string | null,
    @Args('first', { type: () => Int, defaultValue: 20, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<SearchHit>> {
    return this.searchService.search(query, boardId, first, after);
  }

  @Query(() => [ThreadType], {
    complexity: EXPENSIVE_FIELD_COST,
    description: 'Published threads like the one being asked, for deflection while typing.',
  })
  similarThreads(
    @Args('title') title: string,
    @Args('body', { type: () => String, nullable: true }) body: string | null,
    @Args('first', { type: () => Int, defaultValue: 5, nullable: true }) first: number | null,
  ): Promise<ThreadEntity[]> {
    return this.searchService.similarThreads(title, body, first);
  }
}
