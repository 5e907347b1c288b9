import { NodeRegistry } from '@app/core';
import { ForumModule } from '@app/forum';
import { IdentityModule } from '@app/identity';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEntity } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { LiveTopics } from './live/live-topics';
import { LiveUpdatesResolver } from './live/live-updates.resolver';

/** The API side: members read and mark their notifications and follow live updates. */
@Module({
  imports: [IdentityModule, ForumModule, TypeOrmModule.forFeature([NotificationEntity])],
  providers: [
    NotificationsRepository,
    NotificationsService,
    NotificationsResolver,
    LiveTopics,
    LiveUpdatesResolver,
  ],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly notifications: NotificationsService,
  ) {
    // Known before the schema is built: the GraphQL module builds it in its onModuleInit.
    nodes.registerType(NotificationEntity, 'Notification');
  }

  onModuleInit(): void {
    this.nodes.register('Notification', (id, viewer, loaders) =>
      this.notifications.findOwn(loaders, viewer, id),
    );
  }
}
