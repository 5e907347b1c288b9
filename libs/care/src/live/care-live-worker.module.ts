import { Module } from '@nestjs/common';
import { CareLiveHandler } from './care-live.handler';
import { CareLivePublisher } from './care-live-publisher';
import { CareLiveTopics } from './care-live-topics';

/** The worker side of care's live feeds: publishes what care's events changed. */
@Module({
  providers: [CareLiveTopics, CareLivePublisher, CareLiveHandler],
})
export class CareLiveWorkerModule {}
