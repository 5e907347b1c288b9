import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ModerationLogModule } from './log/moderation-log.module';
import { ModerationQueueTopic } from './live/moderation-queue-topic';
import { ReviewChangedPublisher } from './live/review-changed.publisher';
import { ContentFingerprintsRepository } from './screening/content-fingerprints.repository';
import {
  FingerprintPurgeProcessor,
  SCREENING_QUEUE,
} from './screening/fingerprint-purge.processor';

/**
 * The worker side: relays queue changes to the API instances' subscribers; purges old
 * fingerprints; provides the moderation log to the worker's handlers that moderate.
 */
@Module({
  imports: [ModerationLogModule, BullModule.registerQueue({ name: SCREENING_QUEUE })],
  providers: [
    ModerationQueueTopic,
    ReviewChangedPublisher,
    ContentFingerprintsRepository,
    FingerprintPurgeProcessor,
  ],
})
export class ModerationWorkerModule {}
