import {
  CurrentUser,
  Node,
  NodeRegistry,
  parseGlobalId,
  RequestContext,
  Viewer,
  badInput,
} from '@app/core';
import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';

/** `node(id)`: any object by its global ID, as the viewer may see it. */
@Resolver()
export class NodeResolver {
  constructor(private readonly nodes: NodeRegistry) {}

  @Query(() => Node, { nullable: true })
  node(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<object | null> {
    const decoded = parseGlobalId(id);
    if (!decoded) throw badInput('id', 'is not a valid ID');
    return this.nodes.load(decoded.type, decoded.id, viewer, ctx);
  }
}
