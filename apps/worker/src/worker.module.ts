import {
  ClientMutationsWorkerModule,
  CoreModule,
  OperationsModule,
  OutboxRelayModule,
} from '@app/core';
import { IdeasWorkerModule } from '@app/ideas';
import { ModerationWorkerModule } from '@app/moderation';
import { NotificationsWorkerModule } from '@app/notifications';
import { Module } from '@nestjs/common';

/**
 * The background process: the outbox relay, core upkeep and the handlers of every domain lib,
 * with the same health and metrics endpoints as the API.
 */
@Module({
  imports: [
    CoreModule,
    OperationsModule,
    OutboxRelayModule,
    ClientMutationsWorkerModule,
    ModerationWorkerModule,
    IdeasWorkerModule,
    NotificationsWorkerModule,
  ],
})
export class WorkerModule {}
