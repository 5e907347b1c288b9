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
import { WeighedVotes } from './votes/weighed-votes';

/**
 * The worker side of ideas: CSV exports, periodic upkeep, who hears about an idea, and the
 * re-weighing of a member's votes.
 */
@Module({
  imports: [
    IdeaExportsWorkerModule,
    TypeOrmModule.forFeature([IdeaEntity]),
    BullModule.registerQueue({ name: IDEAS_MAINTENANCE_QUEUE }),
  ],
  providers: [
    IdeasRepository,
    VotesRepository,
    WeighedVotes,
    IdeaFollowersRepository,
    IdeaAudience,
    TrendingSweep,
    IdeasMaintenanceProcessor,
  ],
  exports: [IdeaAudience, TrendingSweep, WeighedVotes],
})
export class IdeasWorkerModule {}
