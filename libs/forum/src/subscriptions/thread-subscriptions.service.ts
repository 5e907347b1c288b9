import { idPages, RequestLoaders, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { ThreadSubscriptionsRepository } from './thread-subscriptions.repository';

/** Who follows which thread: authors automatically, others by subscribing. */
@Injectable()
export class ThreadSubscriptionsService {
  constructor(private readonly repository: ThreadSubscriptionsRepository) {}

  /** Subscribes a member inside the caller's transaction; twice changes nothing. */
  async subscribe(tx: Tx, threadId: string, userId: string): Promise<void> {
    await this.repository.add(threadId, userId, tx);
  }

  /** Follows a thread on the member's own request; twice changes nothing. */
  async follow(threadId: string, userId: string): Promise<void> {
    await this.repository.add(threadId, userId);
  }

  /** Stops following a thread; not following it already changes nothing. */
  async unfollow(threadId: string, userId: string): Promise<void> {
    await this.repository.remove(threadId, userId);
  }

  /** Whether the viewer follows the thread, batched through the request's loaders. */
  isSubscribed(loaders: RequestLoaders, viewerId: string, threadId: string): Promise<boolean> {
    return loaders
      .get<
        string,
        boolean
      >(`subscriptions.of.${viewerId}`, (threadIds) => this.repository.subscribedAmong(viewerId, threadIds))
      .load(threadId);
  }

  /** Every subscriber of a thread, a page at a time, so a popular thread never loads at once. */
  subscriberIds(threadId: string): AsyncGenerator<string[]> {
    return idPages((after, limit) => this.repository.subscriberPage(threadId, after, limit));
  }
}
