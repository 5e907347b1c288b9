import { Followable, notFound, RequestLoaders, Viewer } from '@app/core';
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

  async follow(_ctx: object, viewer: Viewer, id: string): Promise<void> {
    await this.visible(viewer, id);
    await this.subscriptions.follow(id, viewer.id);
  }

  async unfollow(_ctx: object, viewer: Viewer, id: string): Promise<void> {
    await this.visible(viewer, id);
    await this.subscriptions.unfollow(id, viewer.id);
  }

  private async visible(viewer: Viewer, id: string): Promise<void> {
    // Loaders of its own: a follow is one mutation, with no other read to batch with.
    if (!(await this.threads.findVisible(new RequestLoaders(), id, viewer))) {
      throw notFound('Thread');
    }
  }
}
