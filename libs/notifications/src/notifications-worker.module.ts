import { ForumModule } from '@app/forum';
import { IdeasWorkerModule } from '@app/ideas';
import { IdentityModule } from '@app/identity';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CareNotificationsHandler } from './care-notifications.handler';
import { EMAILS_QUEUE } from './email/email-queue';
import { EmailProcessor } from './email/email.processor';
import { EmailScheduler } from './email/email-scheduler';
import { mailTransportProvider } from './email/mail-transport';
import { ForumNotificationsHandler } from './forum-notifications.handler';
import { IdeaNotificationsHandler } from './idea-notifications.handler';
import { ModerationNotificationsHandler } from './moderation-notifications.handler';
import { LivePublisher } from './live/live-publisher';
import { LiveTopics } from './live/live-topics';
import { ThreadActivityHandler } from './live/thread-activity.handler';
import { NotificationMetrics } from './notification-metrics';
import { NotificationEntity } from './notification.entity';
import { NotificationWriter } from './notification-writer';
import { NotificationsRepository } from './notifications.repository';
import { Notifier } from './notifier';
import { PasswordResetEmailHandler } from './password-reset-email.handler';

/**
 * The worker side: event handlers that write notifications, send emails (password reset links
 * too) and push live updates.
 */
@Module({
  imports: [
    IdentityModule,
    ForumModule,
    IdeasWorkerModule,
    BullModule.registerQueue({ name: EMAILS_QUEUE }),
    TypeOrmModule.forFeature([NotificationEntity]),
  ],
  providers: [
    NotificationsRepository,
    NotificationWriter,
    NotificationMetrics,
    Notifier,
    LiveTopics,
    LivePublisher,
    EmailScheduler,
    EmailProcessor,
    mailTransportProvider,
    ForumNotificationsHandler,
    ModerationNotificationsHandler,
    IdeaNotificationsHandler,
    CareNotificationsHandler,
    ThreadActivityHandler,
    PasswordResetEmailHandler,
  ],
})
export class NotificationsWorkerModule {}
