import { Authenticated, CurrentUser, FollowableRegistry, RequestContext, Viewer } from '@app/core';
import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';

/** Following threads and ideas, through the handlers their libs register. */
@Resolver()
export class FollowResolver {
  constructor(private readonly followables: FollowableRegistry) {}

  @Mutation(() => Boolean, {
    description: 'Follows a thread or an idea; following it again changes nothing.',
  })
  @Authenticated()
  async subscribe(
    @CurrentUser() viewer: Viewer,
    @Args('targetId', { type: () => ID }) targetId: string,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    const { followable, id } = this.followables.resolve(targetId, 'targetId');
    await followable.follow(ctx.loaders, viewer, id);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Stops following a thread or an idea; returns true once the viewer no longer does.',
  })
  @Authenticated()
  async unsubscribe(
    @CurrentUser() viewer: Viewer,
    @Args('targetId', { type: () => ID }) targetId: string,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    const { followable, id } = this.followables.resolve(targetId, 'targetId');
    await followable.unfollow(ctx.loaders, viewer, id);
    return true;
  }
}
