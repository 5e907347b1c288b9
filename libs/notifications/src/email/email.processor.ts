import { APP_CONFIG, AppConfig } from '@app/core';
import { UsersService } from '@app/identity';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { NotificationMetrics } from '../notification-metrics';
import { NotificationsRepository } from '../notifications.repository';
import { EMAILS_QUEUE, EmailJob } from './email-queue';
import { MAIL_TRANSPORT, MailTransport } from './mail-transport';
import { notificationEmail } from './notification-email';

/**
 * Sends notification emails. A failed send throws, and BullMQ retries it with backoff; a sent
 * email is marked on its notification so that a retry after a crash does not send it again.
 */
@Processor(EMAILS_QUEUE, { concurrency: 4 })
export class EmailProcessor extends WorkerHost {
  private readonly logger = new Logger(EmailProcessor.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly notifications: NotificationsRepository,
    private readonly users: UsersService,
    private readonly metrics: NotificationMetrics,
  ) {
    super();
  }

  async process(job: Job<EmailJob>): Promise<void> {
    if (!this.transport) return;
    const { notificationId, path } = job.data;
    const notification = await this.notifications.toEmail(notificationId);
    if (!notification || notification.emailedAt) return;
    const recipient = await this.users.findById(notification.recipientId);
    if (!recipient) return;
    const email = notificationEmail({
      kind: notification.kind,
      message: notification.message,
      recipientHandle: recipient.handle,
      communityUrl: this.config.publicUrl,
      ...(path ? { path } : {}),
    });
    await this.transport.sendMail({
      to: recipient.email,
      subject: email.subject,
      text: email.text,
    });
    await this.notifications.markEmailed(notificationId);
    this.metrics.emailsSent.inc({ kind: notification.kind });
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<EmailJob> | undefined, error: Error): void {
    this.logger.warn(`email for notification ${job?.data.notificationId} failed: ${error.message}`);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`worker connection: ${error.message}`);
  }
}
