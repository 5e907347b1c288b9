import { ForumModule } from '@app/forum';
import { IdentityModule } from '@app/identity';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AutoEscalation } from './auto-escalation';
import { CARE_JOBS_QUEUE, CareJobsProcessor } from './care-jobs.processor';
import { JobMarksRepository } from './job-marks.repository';
import { RepFallback } from './rep-fallback';
import { RepFallbackRepository } from './rep-fallback.repository';

/** Care's scheduled jobs, on the worker. */
@Module({
  imports: [
    ForumModule,
    IdentityModule,
    CasesModule,
    BullModule.registerQueue({ name: CARE_JOBS_QUEUE }),
  ],
  providers: [
    JobMarksRepository,
    RepFallbackRepository,
    AutoEscalation,
    RepFallback,
    CareJobsProcessor,
  ],
  exports: [AutoEscalation, RepFallback],
})
export class CareJobsModule {}
