import { ForumModule } from '@app/forum';
import { IdentityModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { ForumNotificationsHandler } from './forum-notifications.handler';
import { NotificationWriter } from './notification-writer';

/** The worker side: event handlers that write notifications. */
@Module({
  imports: [IdentityModule, ForumModule],
  providers: [NotificationWriter, ForumNotificationsHandler],
})
export class NotificationsWorkerModule {}
