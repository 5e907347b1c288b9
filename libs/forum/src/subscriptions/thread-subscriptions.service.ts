import { requestLoader, userIdPages } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** Who follows which thread: authors automatically, others by subscribing. */
@Injectable()
export class ThreadSubscriptionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Subscribes a member through `manager` (inside the caller's transaction); twice changes nothing. */
  async subscribe(manager: EntityManager, threadId: string, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO thread_subscriptions (thread_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [threadId, userId],
    );
  }

  /** Follows a thread on the member's own request. */
  async follow(threadId: string, userId: string): Promise<void> {
    await this.subscribe(this.dataSource.manager, threadId, userId);
  }

  /** Stops following a thread; not following it already changes nothing. */
  async unfollow(threadId: string, userId: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM thread_subscriptions WHERE thread_id = $1 AND user_id = $2`,
      [threadId, userId],
    );
  }

  /** Whether the viewer follows the thread, batched per request. */
  isSubscribed(ctx: object, viewerId: string, threadId: string): Promise<boolean> {
    return requestLoader<string, boolean>(
      ctx,
      `subscriptions.of.${viewerId}`,
      async (threadIds) => {
        const rows: Array<{ thread_id: string }> = await this.dataSource.query(
          `SELECT thread_id FROM thread_subscriptions WHERE user_id = $1 AND thread_id = ANY($2::uuid[])`,
          [viewerId, threadIds],
        );
        const subscribed = new Set(rows.map((row) => row.thread_id));
        return threadIds.map((id) => subscribed.has(id));
      },
    ).load(threadId);
  }

  /** Every subscriber of a thread, a page at a time, so a popular thread never loads at once. */
  subscriberIds(threadId: string): AsyncGenerator<string[]> {
    return userIdPages(
      this.dataSource,
      `SELECT user_id FROM thread_subscriptions WHERE thread_id = $1 AND user_id > $2
        ORDER BY user_id LIMIT $3`,
      threadId,
    );
  }
}
