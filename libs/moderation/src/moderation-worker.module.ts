import { Module } from '@nestjs/common';
import { ModerationQueueTopic } from './live/moderation-queue-topic';
import { ReviewChangedPublisher } from './live/review-changed.publisher';

/** The worker side: relays queue changes to the API instances' subscribers. */
@Module({
  providers: [ModerationQueueTopic, ReviewChangedPublisher],
})
export class ModerationWorkerModule {}
