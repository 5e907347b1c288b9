import { MemberMarks, SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A kudos row per member and post, counted in posts.kudos_count. */
const KUDOS = new MemberMarks({
  table: 'kudos',
  targetColumn: 'post_id',
  targets: 'posts',
  counter: 'kudos_count',
});

/**
 * The kudos statements: one kudo per member per post, counted once. The kudo row and the count
 * are separate statements so that the service can move the count, whose row every giver of a
 * popular post waits for, as the last statement of its transaction.
 */
@Injectable()
export class KudosRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the member's kudo row; false when it was already given (nothing changed). */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2, SAMPLE.TX] })
  async mark(postId: string, userId: string, tx: Tx): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO kudos (post_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING post_id`,
      [postId, userId],
    );
    return rows.length > 0;
  }

  /** Deletes the member's kudo row; false when there was none (nothing changed). */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2, SAMPLE.TX] })
  async unmark(postId: string, userId: string, tx: Tx): Promise<boolean> {
    // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare DELETE … RETURNING.
    const rows: unknown[] = await tx.query(
      `WITH removed AS (DELETE FROM kudos WHERE post_id = $1 AND user_id = $2 RETURNING post_id)
       SELECT post_id FROM removed`,
      [postId, userId],
    );
    return rows.length > 0;
  }

  /**
   * Moves the post's kudos count by `delta` (a kudo row just written or deleted in `tx`) and
   * returns the new count; the post's row stays locked until `tx` ends.
   */
  @SqlSnapshot({ params: [SAMPLE.UUID, 1, SAMPLE.TX] })
  async moveCount(postId: string, delta: number, tx: Tx): Promise<number> {
    const rows: Array<{ kudos_count: number }> = await tx.query(
      `WITH moved AS (
         UPDATE posts SET kudos_count = kudos_count + $2 WHERE id = $1 RETURNING kudos_count
       ) SELECT kudos_count FROM moved`,
      [postId, delta],
    );
    // The kudo row's foreign key keeps the post there; only the snapshot recorder, which answers
    // no rows, reaches the fallback.
    return rows[0]?.kudos_count ?? 0;
  }

  /** The title of the post's thread (null for no such post), which a kudo's event carries. */
  @SqlSnapshot({ params: [SAMPLE.UUID] })
  async threadTitleOf(postId: string): Promise<string | null> {
    const rows: Array<{ title: string }> = await this.dataSource.query(
      `SELECT t.title FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = $1`,
      [postId],
    );
    return rows[0]?.title ?? null;
  }

  /** For each post, whether the member gave it a kudo (in the order of `postIds`). */
  @SqlSnapshot({ params: [SAMPLE.UUID, [SAMPLE.UUID, SAMPLE.UUID_2]] })
  givenAmong(userId: string, postIds: readonly string[]): Promise<boolean[]> {
    return KUDOS.markedAmong(this.dataSource.manager, userId, postIds);
  }

  /** One page of the members who gave the post a kudo, by id after `afterUserId`. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2, 1000] })
  giverPage(postId: string, afterUserId: string, limit: number): Promise<string[]> {
    return KUDOS.markerPage(this.dataSource.manager, postId, afterUserId, limit);
  }
}
