import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ExportPurge } from './export/export-purge';
import { IdeaExportsWorkerModule } from './export/idea-exports-worker.module';
import { IdeaAudience } from './ideas/idea-audience';
import { IDEAS_MAINTENANCE_QUEUE, IdeasMaintenanceProcessor } from './ideas-maintenance.processor';
import { TrendingSweep } from './votes/trending-sweep';

/** The worker side of ideas: CSV exports, periodic upkeep, and who hears about an idea. */
@Module({
  imports: [IdeaExportsWorkerModule, BullModule.registerQueue({ name: IDEAS_MAINTENANCE_QUEUE })],
  providers: [IdeaAudience, TrendingSweep, ExportPurge, IdeasMaintenanceProcessor],
  exports: [IdeaAudience, TrendingSweep],
})
export class IdeasWorkerModule {}
