import { CoreModule, OutboxRelayModule } from '@app/core';
import { ModerationWorkerModule } from '@app/moderation';
import { NotificationsWorkerModule } from '@app/notifications';
import { Module } from '@nestjs/common';

/** The background process: the outbox relay and the handlers of every domain lib. */
@Module({
  imports: [CoreModule, OutboxRelayModule, ModerationWorkerModule, NotificationsWorkerModule],
})
export class WorkerModule {}
