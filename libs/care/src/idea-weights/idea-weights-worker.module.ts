import { IdeasWorkerModule } from '@app/ideas';
import { Module } from '@nestjs/common';
import { IdeaWeightsModule } from './idea-weights.module';
import { VoteReweighHandler } from './vote-reweigh.handler';

/** The worker side of weighted idea votes: re-weighing a member's votes when their segment changes. */
@Module({
  imports: [IdeaWeightsModule, IdeasWorkerModule],
  providers: [VoteReweighHandler],
})
export class IdeaWeightsWorkerModule {}
