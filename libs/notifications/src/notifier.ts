import { Injectable } from '@nestjs/common';
import { EmailScheduler } from './email/email-scheduler';
import { LivePublisher } from './live/live-publisher';
import { NotificationWriter } from './notification-writer';
import { NotificationDraft } from './notifications.repository';

/** Delivers a notification every way it goes: in-app, live to open sockets, and by email. */
@Injectable()
export class Notifier {
  constructor(
    private readonly writer: NotificationWriter,
    private readonly live: LivePublisher,
    private readonly emails: EmailScheduler,
  ) {}

  /**
   * Writes the draft once per recipient, pushes what is new live, and queues its emails, which
   * link to the site's page at `path` when given.
   */
  async notify(
    recipientIds: readonly string[],
    draft: NotificationDraft,
    path?: string,
  ): Promise<void> {
    const written = await this.writer.write(recipientIds, draft);
    // Live pushes are a courtesy to open sockets: only what this attempt wrote is pushed.
    await this.live.notificationsAdded(
      written
        .filter((notification) => notification.fresh)
        .map((notification) => ({
          recipientId: notification.recipientId,
          notificationId: notification.id,
        })),
    );
    await this.emails.schedule(draft.kind, written, ...(path ? [path] : []));
  }
}
