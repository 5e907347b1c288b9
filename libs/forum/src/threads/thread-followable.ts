import { Followable, notFound, RequestLoaders, Viewer } from '@app/core';
import { Injectable } from '@nestjs/common';
import { ThreadSubscriptionsService } from '../subscriptions/thread-subscriptions.service';
import { ThreadsService } from './threads.service';

/** Following a thread to hear of its new answers. */
@Injectable()
export class ThreadFollowable implements Followable {
  constructor(
    private readonly subscriptions: ThreadSubscriptionsService,
    private readonly threads: ThreadsService,
  ) {}

  async follow(loaders: RequestLoaders, viewer: Viewer, id: string): Promise<void> {
    await this.visible(loaders, viewer, id);
    await this.subscriptions.follow(id, viewer.id);
  }

  async unfollow(loaders: RequestLoaders, viewer: Viewer, id: string): Promise<void> {
    await this.visible(loaders, viewer, id);
    await this.subscriptions.unfollow(id, viewer.id);
  }

  private async visible(loaders: RequestLoaders, viewer: Viewer, id: string): Promise<void> {
    if (!(await this.threads.findVisible(loaders, id, viewer))) throw notFound('Thread');
  }
}
