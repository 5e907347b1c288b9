import {
  ClientMutationsWorkerModule,
  CoreModule,
  OperationsModule,
  OutboxRelayModule,
} from '@app/core';
import { CareWorkerModule } from '@app/care';
import { IdeasWorkerModule } from '@app/ideas';
import { IdentityWorkerModule } from '@app/identity';
import { ModerationWorkerModule } from '@app/moderation';
import { NotificationsWorkerModule } from '@app/notifications';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { QueueMetrics } from './queue-metrics';

/**
 * The background process: the outbox relay, core upkeep and the handlers of every domain lib,
 * with the same health and metrics endpoints as the API, and the depths of its queues.
 */
@Module({
  imports: [
    CoreModule,
    OperationsModule,
    DiscoveryModule,
    OutboxRelayModule,
    ClientMutationsWorkerModule,
    IdentityWorkerModule,
    ModerationWorkerModule,
    IdeasWorkerModule,
    NotificationsWorkerModule,
    CareWorkerModule,
  ],
  providers: [QueueMetrics],
})
export class WorkerModule {}
