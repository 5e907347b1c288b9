import { APP_CONFIG, AppConfig } from '@app/core';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { NotificationKind } from '../notification-kind';
import { WrittenNotification } from '../notifications.repository';
import { EMAILED_KINDS, EMAILS_QUEUE, EmailJob } from './email-queue';

/** Queues an email per notification of an emailed kind, when SMTP is configured. */
@Injectable()
export class EmailScheduler {
  private readonly logger = new Logger(EmailScheduler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(EMAILS_QUEUE) private readonly queue: Queue<EmailJob>,
  ) {
    // Redis outages surface through the failed event and its retries; here they are only noise.
    queue.on('error', (error) => this.logger.debug(`queue connection: ${error.message}`));
  }

  /**
   * Queues one email per notification, when its kind is emailed and SMTP is set; `path` is the
   * site's page the email links to (the community's home without it).
   */
  async schedule(
    kind: NotificationKind,
    notifications: readonly WrittenNotification[],
    path?: string,
  ): Promise<void> {
    if (!this.config.smtpUrl || !EMAILED_KINDS.has(kind) || notifications.length === 0) return;
    // The job id is the notification's: an event handled twice queues each email once.
    await this.queue.addBulk(
      notifications.map((notification) => ({
        name: kind,
        data: path
          ? { notificationId: notification.id, path }
          : { notificationId: notification.id },
        opts: { jobId: `notification-${notification.id}` },
      })),
    );
  }
}
