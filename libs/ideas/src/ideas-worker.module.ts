import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { IdeaExportsWorkerModule } from './export/idea-exports-worker.module';
import { IdeaAudience } from './ideas/idea-audience';
import { TRENDING_QUEUE, TrendingSweep, TrendingSweepProcessor } from './votes/trending-sweep';

/** The worker side of ideas: CSV exports, the trending sweep, and who hears about an idea. */
@Module({
  imports: [IdeaExportsWorkerModule, BullModule.registerQueue({ name: TRENDING_QUEUE })],
  providers: [IdeaAudience, TrendingSweep, TrendingSweepProcessor],
  exports: [IdeaAudience, TrendingSweep],
})
export class IdeasWorkerModule {}
