import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdeaExportsWorkerModule } from './export/idea-exports-worker.module';
import { IdeaAudience } from './ideas/idea-audience';
import { IdeaEntity } from './ideas/idea.entity';
import { IdeaFollowersRepository } from './ideas/idea-followers.repository';
import { IdeasRepository } from './ideas/ideas.repository';
import { IDEAS_MAINTENANCE_QUEUE, IdeasMaintenanceProcessor } from './ideas-maintenance.processor';
import { TrendingSweep } from './votes/trending-sweep';
import { VotesRepository } from './votes/votes.repository';

/** The worker side of ideas: CSV exports, periodic upkeep, and who hears about an idea. */
@Module({
  imports: [
    IdeaExportsWorkerModule,
    TypeOrmModule.forFeature([IdeaEntity]),
    BullModule.registerQueue({ name: IDEAS_MAINTENANCE_QUEUE }),
  ],
  providers: [
    IdeasRepository,
    VotesRepository,
    IdeaFollowersRepository,
    IdeaAudience,
    TrendingSweep,
    IdeasMaintenanceProcessor,
  ],
  exports: [IdeaAudience, TrendingSweep],
})
export class IdeasWorkerModule {}
