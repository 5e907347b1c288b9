import { Connection, EXPENSIVE_FIELD_COST, PageArgs, pageRequest } from '@app/core';
import { ThreadEntity, ThreadType } from '@app/forum';
import { Args, ID, Info, Int, Query, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
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
    @Args() paging: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<SearchHit>> {
    return this.searchService.search(query, boardId, pageRequest(paging, info));
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
