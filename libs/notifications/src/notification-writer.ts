import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationKind } from './notification-kind';

export interface NotificationDraft {
  kind: NotificationKind;
  message: string;
  subjectType: string | null;
  subjectId: string | null;
  actorId: string | null;
  /** The outbox event that caused it: with the recipient and kind, its idempotency key. */
  eventId: string;
}

/** Writes notifications for the worker; a redelivered event writes nothing twice. */
@Injectable()
export class NotificationWriter {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes one notification per recipient in a single statement. */
  async notify(recipientIds: readonly string[], draft: NotificationDraft): Promise<void> {
    if (recipientIds.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO notifications (id, recipient_id, kind, message, subject_type, subject_id, actor_id, event_id)
       SELECT gen_random_uuid(), recipient, $2, $3, $4, $5, $6, $7
         FROM unnest($1::uuid[]) AS recipient
       ON CONFLICT ON CONSTRAINT notifications_event_key DO NOTHING`,
      [
        recipientIds,
        draft.kind,
        draft.message,
        draft.subjectType,
        draft.subjectId,
        draft.actorId,
        draft.eventId,
      ],
    );
  }
}
