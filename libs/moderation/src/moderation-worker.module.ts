import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ModerationQueueTopic } from './live/moderation-queue-topic';
import { ReviewChangedPublisher } from './live/review-changed.publisher';
import {
  FingerprintPurgeProcessor,
  SCREENING_QUEUE,
} from './screening/fingerprint-purge.processor';

/** The worker side: relays queue changes to the API instances' subscribers; purges old fingerprints. */
@Module({
  imports: [BullModule.registerQueue({ name: SCREENING_QUEUE })],
  providers: [ModerationQueueTopic, ReviewChangedPublisher, FingerprintPurgeProcessor],
})
export class ModerationWorkerModule {}
