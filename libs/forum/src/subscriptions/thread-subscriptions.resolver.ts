import {
  Authenticated,
  CurrentUser,
  fromGlobalId,
  notFound,
  RequestContext,
  Viewer,
} from '@app/core';
import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { ThreadsService } from '../threads/threads.service';
import { ThreadSubscriptionsService } from './thread-subscriptions.service';

/** Following threads to hear of their new answers. */
@Resolver()
export class ThreadSubscriptionsResolver {
  constructor(
    private readonly subscriptions: ThreadSubscriptionsService,
    private readonly threads: ThreadsService,
  ) {}

  @Mutation(() => Boolean, { description: 'Follows a thread; following it again changes nothing.' })
  @Authenticated()
  async subscribe(
    @CurrentUser() viewer: Viewer,
    @Args('targetId', { type: () => ID }) targetId: string,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    const threadId = await this.visibleThreadId(ctx, viewer, targetId);
    await this.subscriptions.follow(threadId, viewer.id);
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Stops following a thread; returns true when the viewer no longer follows it.',
  })
  @Authenticated()
  async unsubscribe(
    @CurrentUser() viewer: Viewer,
    @Args('targetId', { type: () => ID }) targetId: string,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    const threadId = await this.visibleThreadId(ctx, viewer, targetId);
    await this.subscriptions.unfollow(threadId, viewer.id);
    return true;
  }

  private async visibleThreadId(ctx: object, viewer: Viewer, targetId: string): Promise<string> {
    const threadId = fromGlobalId(targetId, 'Thread', 'targetId');
    if (!(await this.threads.findVisible(ctx, threadId, viewer))) throw notFound('Thread');
    return threadId;
  }
}
