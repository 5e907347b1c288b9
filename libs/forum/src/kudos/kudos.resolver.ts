import { Authenticated, CurrentUser, fromGlobalId, RequestContext, Viewer } from '@app/core';
import { Args, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { PostEntity } from '../posts/post.entity';
import { PostType } from '../posts/post.type';
import { KudosService } from './kudos.service';

/** Giving and taking back kudos, and whether the viewer gave one, on posts. */
@Resolver(() => PostType)
export class KudosResolver {
  constructor(private readonly kudos: KudosService) {}

  @Mutation(() => PostType)
  @Authenticated()
  giveKudo(
    @CurrentUser() viewer: Viewer,
    @Args('postId', { type: () => ID }) postId: string,
  ): Promise<PostEntity> {
    return this.kudos.give(viewer, fromGlobalId(postId, 'Post', 'postId'));
  }

  @Mutation(() => PostType)
  @Authenticated()
  removeKudo(
    @CurrentUser() viewer: Viewer,
    @Args('postId', { type: () => ID }) postId: string,
  ): Promise<PostEntity> {
    return this.kudos.remove(viewer, fromGlobalId(postId, 'Post', 'postId'));
  }

  // graphql-js's own arguments instead of parameter decorators: Nest calls it directly, not
  // through its per-call pipeline, for every answer of a thread page. The auth guard of the
  // operation's root field has put the viewer on the context.
  @ResolveField('viewerHasGivenKudo', () => Boolean)
  viewerHasGivenKudo(
    post: PostEntity,
    _args: unknown,
    ctx: RequestContext,
  ): Promise<boolean> | boolean {
    return ctx.viewer ? this.kudos.hasGiven(ctx.loaders, ctx.viewer.id, post.id) : false;
  }
}
