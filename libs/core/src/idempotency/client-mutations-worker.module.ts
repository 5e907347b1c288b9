import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ClientMutationsRepository } from './client-mutations.repository';
import {
  CLIENT_MUTATIONS_QUEUE,
  ClientMutationsPurgeProcessor,
} from './client-mutations-purge.processor';

/** The worker side of client mutation ids: the hourly purge of keys older than a day. */
@Module({
  imports: [BullModule.registerQueue({ name: CLIENT_MUTATIONS_QUEUE })],
  providers: [ClientMutationsRepository, ClientMutationsPurgeProcessor],
})
export class ClientMutationsWorkerModule {}
