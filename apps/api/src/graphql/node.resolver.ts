import {
  CurrentUser,
  Node,
  NodeRegistry,
  parseGlobalId,
  parseNodeIds,
  RequestContext,
  Viewer,
  badInput,
} from '@app/core';
import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';

/** `node(id)` and `nodes(ids)`: any objects by their global IDs, as the viewer may see them. */
@Resolver()
export class NodeResolver {
  constructor(private readonly registry: NodeRegistry) {}

  @Query(() => Node, { nullable: true })
  node(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<object | null> {
    const decoded = parseGlobalId(id);
    if (!decoded) throw badInput('id', 'is not a valid ID');
    return this.registry.load(decoded.type, decoded.id, viewer, ctx.loaders);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description:
      'Objects by their global IDs (at most 100), each in the position of its ID; null where one is missing or not visible.',
  })
  nodes(
    @Args('ids', { type: () => [ID] }) ids: string[],
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<(object | null)[]> {
    return this.registry.loadMany(parseNodeIds(ids), viewer, ctx.loaders);
  }
}
