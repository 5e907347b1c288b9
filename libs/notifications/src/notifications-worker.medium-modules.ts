import { APP_CONFIG, AppConfig } from '@app/core';
import { ModerationLogModule } from '@app/moderation';
import { BullModule } from '@nestjs/bullmq';
import { NotificationsModule } from './notifications.module';
import { NotificationsWorkerModule } from './notifications-worker.module';

/**
 * What a medium test of the notifications worker starts: the worker app's BullMQ connection,
 * which the worker module's queues need, and the modules the handlers write through.
 */
export function notificationsWorkerModules() {
  return [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.redisUrl, maxRetriesPerRequest: null },
        prefix: `${config.redisPrefix}-bull`,
      }),
    }),
    NotificationsModule,
    NotificationsWorkerModule,
    ModerationLogModule,
  ];
}
