import {
  cappedCount,
  encodeCursor,
  keysetPage,
  ModerationLog,
  ModerationLogEntry,
  PageRequest,
  SAMPLE,
  SAMPLE_PAGE,
  SqlSnapshot,
  Tx,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { ModerationActionEntity } from './moderation-action.entity';

/**
 * The moderation log's table: appended to by every lib that moderates (through core's
 * ModerationLog port, which this implements), read newest first by moderators.
 */
@Injectable()
export class ModerationLogRepository extends ModerationLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async append(tx: Tx, entry: ModerationLogEntry): Promise<void> {
    await tx.query(
      `INSERT INTO moderation_actions (id, actor_id, action, target_type, target_id, target_user_id, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        randomUUID(),
        entry.actorId,
        entry.action,
        entry.targetType ?? null,
        entry.targetId ?? null,
        entry.targetUserId ?? null,
        entry.reason ?? null,
      ],
    );
  }

  /** One keyset page of the log, newest first (limit + 1 rows, in the page's direction). */
  @SqlSnapshot({ name: 'first page', params: [SAMPLE_PAGE.FIRST] })
  @SqlSnapshot({ name: 'after a cursor', params: [SAMPLE_PAGE.after(SAMPLE.DATE.getTime())] })
  page(page: PageRequest): Promise<ModerationActionEntity[]> {
    const qb = this.dataSource.manager.createQueryBuilder(ModerationActionEntity, 'a');
    return keysetPage(qb, page, {
      tail: {
        columns: [
          { sql: 'a.created_at', part: 'timestamp' },
          { sql: 'a.id', part: 'uuid' },
        ],
        order: 'DESC',
      },
    }).getMany();
  }

  /** How many entries the log holds, up to the cap. */
  @SqlSnapshot({ params: [] })
  count(): Promise<number> {
    return cappedCount(this.dataSource.createQueryBuilder(ModerationActionEntity, 'a'));
  }

  /** The entries of `ids`, in no particular order (behind the request's loader). */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  byIds(ids: readonly string[]): Promise<ModerationActionEntity[]> {
    return this.dataSource.manager.findBy(ModerationActionEntity, { id: In([...ids]) });
  }
}

/** The cursor of a log entry in the newest-first list. */
export function logCursorOf(entry: ModerationActionEntity): string {
  return encodeCursor([entry.createdAt.getTime(), entry.id]);
}
