import { SAMPLE, SqlSnapshot } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The `deflections` table: one row per thread, viewer and UTC day. */
@Injectable()
export class DeflectionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts today's row unless it exists. The primary key (thread, viewer, day) decides races:
   * of concurrent calls exactly one inserts. The day is taken from the same clock as
   * `created_at`, in UTC, so every API instance agrees on it.
   */
  @SqlSnapshot({ params: [SAMPLE.UUID, `member:${SAMPLE.UUID_2}`, SAMPLE.UUID_2] })
  async recordOnce(threadId: string, viewerKey: string, memberId: string | null): Promise<boolean> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO deflections (thread_id, viewer_key, member_id, day)
       VALUES ($1, $2, $3, (now() AT TIME ZONE 'UTC')::date)
       ON CONFLICT DO NOTHING RETURNING thread_id`,
      [threadId, viewerKey, memberId],
    );
    return inserted.length > 0;
  }
}
