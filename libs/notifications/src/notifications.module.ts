import { NodeRegistry } from '@app/core';
import { IdentityModule } from '@app/identity';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEntity } from './notification.entity';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { LiveUpdatesResolver } from './live/live-updates.resolver';

/** The API side: members read and mark their notifications. */
@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature([NotificationEntity])],
  providers: [NotificationsService, NotificationsResolver, LiveUpdatesResolver],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Notification', (id, viewer) => this.notifications.findOwn(viewer, id));
  }
}
