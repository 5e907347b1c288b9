import { Authenticated, CurrentUser, fromGlobalId, RequestContext, Viewer } from '@app/core';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
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

  @ResolveField('viewerHasGivenKudo', () => Boolean)
  viewerHasGivenKudo(
    @Parent() post: PostEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<boolean> | boolean {
    return viewer ? this.kudos.hasGiven(ctx.loaders, viewer.id, post.id) : false;
  }
}
