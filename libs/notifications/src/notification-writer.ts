import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationKind } from './notification-kind';
import { NotificationMetrics } from './notification-metrics';

export interface NotificationDraft {
  kind: NotificationKind;
  message: string;
  subjectType: string | null;
  subjectId: string | null;
  actorId: string | null;
  /** The outbox event that caused it: with the recipient and kind, its idempotency key. */
  eventId: string;
}

export interface WrittenNotification {
  id: string;
  recipientId: string;
  /** Written by this call; false when an earlier attempt at the same event wrote it. */
  fresh: boolean;
}

/** Writes notifications for the worker; a redelivered event or a repeated kudo writes nothing twice. */
@Injectable()
export class NotificationWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: NotificationMetrics,
  ) {}

  /**
   * Writes one notification per recipient in a single statement and returns every notification
   * of this event and kind for them, so a retried event can finish delivering what it wrote.
   */
  async write(
    recipientIds: readonly string[],
    draft: NotificationDraft,
  ): Promise<WrittenNotification[]> {
    if (recipientIds.length === 0) return [];
    // Any unique key makes a row a no-op: the event's (a retried attempt) or a kind's own, such
    // as one KUDO_RECEIVED per giver and post however often the kudo is given again.
    // The SELECT sees the table as it was before the INSERT: only rows of earlier attempts.
    const rows: Array<{ id: string; recipient_id: string; fresh: boolean }> =
      await this.dataSource.query(
        `WITH written AS (
           INSERT INTO notifications (id, recipient_id, kind, message, subject_type, subject_id, actor_id, event_id)
           SELECT gen_random_uuid(), recipient, $2, $3, $4, $5, $6, $7
             FROM unnest($1::uuid[]) AS recipient
           ON CONFLICT DO NOTHING
           RETURNING id, recipient_id
         )
         SELECT id, recipient_id, true AS fresh FROM written
         UNION ALL
         SELECT id, recipient_id, false AS fresh FROM notifications
          WHERE event_id = $7 AND kind = $2 AND recipient_id = ANY($1::uuid[])`,
        [
          [...new Set(recipientIds)],
          draft.kind,
          draft.message,
          draft.subjectType,
          draft.subjectId,
          draft.actorId,
          draft.eventId,
        ],
      );
    this.metrics.written.inc({ kind: draft.kind }, rows.filter((row) => row.fresh).length);
    return rows.map((row) => ({ id: row.id, recipientId: row.recipient_id, fresh: row.fresh }));
  }
}
