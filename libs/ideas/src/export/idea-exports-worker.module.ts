import { IdentityModule } from '@app/identity';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExportJobEntity } from './export-job.entity';
import { ExportJobsRepository } from './export-jobs.repository';
import { ExportPurge } from './export-purge';
import { ExportRequestedHandler } from './export-requested.handler';
import { ExportedIdeasRepository } from './exported-ideas.repository';
import { IDEA_EXPORTS_QUEUE } from './idea-export-queue';
import { IdeaExportProcessor } from './idea-export.processor';
import { IdeaExportWriter } from './idea-export-writer';

/** The worker side of CSV exports: writes the CSV of the filtered ideas. */
@Module({
  imports: [
    IdentityModule,
    TypeOrmModule.forFeature([ExportJobEntity]),
    BullModule.registerQueue({ name: IDEA_EXPORTS_QUEUE }),
  ],
  providers: [
    ExportJobsRepository,
    ExportedIdeasRepository,
    ExportPurge,
    ExportRequestedHandler,
    IdeaExportWriter,
    IdeaExportProcessor,
  ],
  exports: [ExportPurge],
})
export class IdeaExportsWorkerModule {}
