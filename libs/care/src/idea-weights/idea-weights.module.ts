import { VoteWeights } from '@app/ideas';
import { Global, Module } from '@nestjs/common';
import { SegmentsModule } from '../segments';
import { CareVoteWeights } from './care-vote-weights';

/**
 * Provides ideas' VoteWeights port to every module of the process. Global because ideas, which
 * casts the votes, must not import care, which sits above it.
 */
@Global()
@Module({
  imports: [SegmentsModule],
  providers: [CareVoteWeights, { provide: VoteWeights, useExisting: CareVoteWeights }],
  exports: [VoteWeights],
})
export class IdeaWeightsModule {}
