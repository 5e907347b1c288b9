import {
  cappedCount,
  encodeCursor,
  keysetPage,
  PageRequest,
  SAMPLE,
  SAMPLE_PAGE,
  SqlSnapshot,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { NotificationEntity } from './notification.entity';
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

export interface WrittenNotification {
  id: string;
  recipientId: string;
  /** Written by this call; false when an earlier attempt at the same event wrote it. */
  fresh: boolean;
}

/** What an email about a notification needs of it. */
export interface NotificationToEmail {
  kind: NotificationKind;
  message: string;
  recipientId: string;
  emailedAt: Date | null;
}

const SAMPLE_DRAFT: NotificationDraft = {
  kind: NotificationKind.NEW_ANSWER,
  message: SAMPLE.TEXT,
  subjectType: 'Post',
  subjectId: SAMPLE.UUID_2,
  actorId: SAMPLE.UUID_2,
  eventId: '1',
};

/** Every statement on `notifications`. */
@Injectable()
export class NotificationsRepository {
  constructor(
    @InjectRepository(NotificationEntity)
    private readonly notifications: Repository<NotificationEntity>,
  ) {}

  /** A keyset page of a member's notifications, newest first (limit + 1 rows). */
  @SqlSnapshot({ name: 'first page', params: [SAMPLE.UUID, false, SAMPLE_PAGE.FIRST] })
  @SqlSnapshot({
    name: 'unread, after a cursor',
    params: [SAMPLE.UUID, true, SAMPLE_PAGE.after(SAMPLE.DATE.getTime())],
  })
  page(recipientId: string, unreadOnly: boolean, page: PageRequest): Promise<NotificationEntity[]> {
    return keysetPage(this.ofRecipient(recipientId, unreadOnly), page, {
      tail: {
        columns: [
          { sql: 'n.created_at', part: 'timestamp' },
          { sql: 'n.id', part: 'uuid' },
        ],
        order: 'DESC',
      },
    }).getMany();
  }

  /** The cursor of a notification in a member's list. */
  cursorOf(notification: NotificationEntity): string {
    return encodeCursor([notification.createdAt.getTime(), notification.id]);
  }

  /** How many notifications a member has (only the unread ones with `unreadOnly`). */
  @SqlSnapshot({ name: 'unread', params: [SAMPLE.UUID, true] })
  count(recipientId: string, unreadOnly: boolean): Promise<number> {
    return cappedCount(this.ofRecipient(recipientId, unreadOnly));
  }

  /** Marks a member's unread notifications with these ids (null: all) read; returns how many. */
  async markRead(recipientId: string, ids: readonly string[] | null): Promise<number> {
    const qb = this.notifications
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'now()' })
      .where('recipient_id = :recipientId AND read_at IS NULL', { recipientId });
    if (ids) qb.andWhere('id = ANY(:ids::uuid[])', { ids });
    const result = await qb.execute();
    return result.affected ?? 0;
  }

  /** The notifications with these ids (those that exist, in no order). */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  byIds(ids: readonly string[]): Promise<NotificationEntity[]> {
    // One array parameter, so every batch size is the same statement.
    return this.notifications
      .createQueryBuilder('n')
      .where('n.id = ANY(:ids::uuid[])', { ids: [...ids] })
      .getMany();
  }

  /** A notification by id, or null. */
  findById(id: string): Promise<NotificationEntity | null> {
    return this.notifications.findOneBy({ id });
  }

  /**
   * Writes one notification per recipient in a single statement and returns every notification
   * of this event and kind for them, so a retried event can finish delivering what it wrote.
   */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2], SAMPLE_DRAFT] })
  async writeOnce(
    recipientIds: readonly string[],
    draft: NotificationDraft,
  ): Promise<WrittenNotification[]> {
    // Any unique key makes a row a no-op: the event's (a retried attempt) or a kind's own, such
    // as one KUDO_RECEIVED per giver and post however often the kudo is given again.
    // The SELECT sees the table as it was before the INSERT: only rows of earlier attempts.
    const rows: Array<{ id: string; recipient_id: string; fresh: boolean }> =
      await this.notifications.query(
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
    return rows.map((row) => ({ id: row.id, recipientId: row.recipient_id, fresh: row.fresh }));
  }

  /** What the email job of a notification reads; null when the notification is gone. */
  @SqlSnapshot({ params: [SAMPLE.UUID] })
  async toEmail(id: string): Promise<NotificationToEmail | null> {
    const [row]: Array<{
      kind: NotificationKind;
      message: string;
      recipient_id: string;
      emailed_at: Date | null;
    }> = await this.notifications.query(
      `SELECT kind, message, recipient_id, emailed_at FROM notifications WHERE id = $1`,
      [id],
    );
    return row
      ? {
          kind: row.kind,
          message: row.message,
          recipientId: row.recipient_id,
          emailedAt: row.emailed_at,
        }
      : null;
  }

  /** Notes that a notification's email was accepted, so a retried job sends no other. */
  async markEmailed(id: string): Promise<void> {
    await this.notifications.query(`UPDATE notifications SET emailed_at = now() WHERE id = $1`, [
      id,
    ]);
  }

  private ofRecipient(
    recipientId: string,
    unreadOnly: boolean,
  ): SelectQueryBuilder<NotificationEntity> {
    const qb = this.notifications
      .createQueryBuilder('n')
      .where('n.recipient_id = :recipientId', { recipientId });
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return qb;
  }
}
