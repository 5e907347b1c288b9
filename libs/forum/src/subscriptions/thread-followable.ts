import { Followable, notFound, Viewer } from '@app/core';
import { Injectable } from '@nestjs/common';
import { ThreadsService } from '../threads/threads.service';
import { ThreadSubscriptionsService } from './thread-subscriptions.service';

/** Following a thread to hear of its new answers. */
@Injectable()
export class ThreadFollowable implements Followable {
  constructor(
    private readonly subscriptions: ThreadSubscriptionsService,
    private readonly threads: ThreadsService,
  ) {}

  async follow(ctx: object, viewer: Viewer, id: string): Promise<void> {
    await this.visible(ctx, viewer, id);
    await this.subscriptions.follow(id, viewer.id);
  }

  async unfollow(ctx: object, viewer: Viewer, id: string): Promise<void> {
    await this.visible(ctx, viewer, id);
    await this.subscriptions.unfollow(id, viewer.id);
  }

  private async visible(ctx: object, viewer: Viewer, id: string): Promise<void> {
    if (!(await this.threads.findVisible(ctx, id, viewer))) throw notFound('Thread');
  }
}
