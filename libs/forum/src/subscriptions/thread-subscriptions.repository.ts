import { SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The thread_subscriptions statements: one row per member following a thread. */
@Injectable()
export class ThreadSubscriptionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Subscribes the member; twice changes nothing. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2] })
  async add(threadId: string, userId: string, tx?: Tx): Promise<void> {
    await (tx ?? this.dataSource.manager).query(
      `INSERT INTO thread_subscriptions (thread_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [threadId, userId],
    );
  }

  /** Unsubscribes the member; not subscribed already changes nothing. */
  async remove(threadId: string, userId: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM thread_subscriptions WHERE thread_id = $1 AND user_id = $2`,
      [threadId, userId],
    );
  }

  /** For each thread, whether the member follows it (in the order of `threadIds`). */
  @SqlSnapshot({ params: [SAMPLE.UUID, [SAMPLE.UUID, SAMPLE.UUID_2]] })
  async subscribedAmong(userId: string, threadIds: readonly string[]): Promise<boolean[]> {
    const rows: Array<{ thread_id: string }> = await this.dataSource.query(
      `SELECT thread_id FROM thread_subscriptions WHERE user_id = $1 AND thread_id = ANY($2::uuid[])`,
      [userId, threadIds],
    );
    const subscribed = new Set(rows.map((row) => row.thread_id));
    return threadIds.map((id) => subscribed.has(id));
  }

  /** One page of a thread's subscribers, by id after `afterUserId`. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2, 1000] })
  async subscriberPage(threadId: string, afterUserId: string, limit: number): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.dataSource.query(
      `SELECT user_id FROM thread_subscriptions WHERE thread_id = $1 AND user_id > $2
        ORDER BY user_id LIMIT $3`,
      [threadId, afterUserId, limit],
    );
    return rows.map((row) => row.user_id);
  }
}
