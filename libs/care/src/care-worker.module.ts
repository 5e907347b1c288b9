import { Module } from '@nestjs/common';
import { IdeaWeightsWorkerModule } from './idea-weights/idea-weights-worker.module';
import { CareJobsModule } from './jobs/care-jobs.module';
import { CareLiveWorkerModule } from './live/care-live-worker.module';

/** The worker side of care: its scheduled jobs, each sub-module imported here. */
@Module({ imports: [IdeaWeightsWorkerModule, CareJobsModule, CareLiveWorkerModule] })
export class CareWorkerModule {}
