import { APP_CONFIG, AppConfig } from '@app/core';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { NotificationKind } from '../notification-kind';
import { NotificationMetrics } from '../notification-metrics';
import { EMAILS_QUEUE, EmailJob } from './email-queue';
import { MAIL_TRANSPORT, MailTransport } from './mail-transport';
import { notificationEmail } from './notification-email';

interface EmailRow {
  kind: NotificationKind;
  message: string;
  email: string;
  handle: string;
  emailed_at: Date | null;
}

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: NotificationMetrics,
  ) {
    super();
  }

  async process(job: Job<EmailJob>): Promise<void> {
    if (!this.transport) return;
    const [row]: EmailRow[] = await this.dataSource.query(
      `SELECT n.kind, n.message, n.emailed_at, u.email, u.handle
         FROM notifications n JOIN users u ON u.id = n.recipient_id
        WHERE n.id = $1`,
      [job.data.notificationId],
    );
    if (!row || row.emailed_at) return;
    const email = notificationEmail({
      kind: row.kind,
      message: row.message,
      recipientHandle: row.handle,
      communityUrl: this.config.publicUrl,
    });
    await this.transport.sendMail({ to: row.email, subject: email.subject, text: email.text });
    await this.dataSource.query(`UPDATE notifications SET emailed_at = now() WHERE id = $1`, [
      job.data.notificationId,
    ]);
    this.metrics.emailsSent.inc({ kind: row.kind });
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
