import { Injectable } from '@nestjs/common';
import { NotificationMetrics } from './notification-metrics';
import {
  NotificationDraft,
  NotificationsRepository,
  WrittenNotification,
} from './notifications.repository';

/** Writes notifications for the worker; a redelivered event or a repeated kudo writes nothing twice. */
@Injectable()
export class NotificationWriter {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly metrics: NotificationMetrics,
  ) {}

  /**
   * Writes one notification per recipient and returns every notification of this event and kind
   * for them (written now or by an earlier attempt), so a retried event can finish delivering.
   */
  async write(
    recipientIds: readonly string[],
    draft: NotificationDraft,
  ): Promise<WrittenNotification[]> {
    if (recipientIds.length === 0) return [];
    const written = await this.notifications.writeOnce(recipientIds, draft);
    this.metrics.written.inc({ kind: draft.kind }, written.filter((row) => row.fresh).length);
    return written;
  }
}
