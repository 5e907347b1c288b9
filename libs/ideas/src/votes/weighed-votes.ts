import { Transactions, Tx } from '@app/core';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { UNIT_VOTE_WEIGHTS, VoteWeights } from './vote-weights';
import { VoteChange, VotesRepository } from './votes.repository';

/**
 * Votes at their voter's weight. A vote stores the weight its voter had when it was cast, and a
 * re-weigh (after the voter's segment changed) rewrites the stored weights and corrects the
 * ideas' weighted counts by the difference.
 *
 * Why it stays exact: a vote holds its voter (a shared lock on the member) from before it reads
 * the weight until it commits, and each page of a re-weigh holds the voter exclusively before it
 * reads the weight. So a vote that read the old weight has committed, and shows in the page,
 * before the re-weigh looks; a vote cast later reads the new weight. An unvote removes what its
 * row says, which a re-weigh only changes under the idea's lock.
 */
@Injectable()
export class WeighedVotes {
  private readonly weights: VoteWeights;

  constructor(
    private readonly transactions: Transactions,
    private readonly votes: VotesRepository,
    @Optional() @Inject(VoteWeights) weights?: VoteWeights,
  ) {
    this.weights = weights ?? UNIT_VOTE_WEIGHTS;
  }

  /**
   * Casts the member's vote at their weight now (see VotesRepository.add for what it tells),
   * holding the voter from before the weight is read until `tx` ends.
   */
  async cast(ideaId: string, memberId: string, tx: Tx): Promise<VoteChange> {
    await this.votes.holdVoter(memberId, tx);
    return this.votes.add(ideaId, memberId, await this.weights.weightOf(memberId, tx), tx);
  }

  /**
   * Gives the member's votes on the ideas after `afterIdeaId` (at most `limit`, by idea id) the
   * member's weight now, in one transaction; returns those ideas' ids (fewer than `limit`: done).
   * Running it again changes nothing.
   */
  reweighPage(memberId: string, afterIdeaId: string, limit: number): Promise<string[]> {
    return this.transactions.run(async (tx) => {
      await this.votes.holdVoterAlone(memberId, tx);
      const weight = await this.weights.weightOf(memberId, tx);
      return this.votes.reweighVotesOf(memberId, weight, afterIdeaId, limit, tx);
    });
  }
}
