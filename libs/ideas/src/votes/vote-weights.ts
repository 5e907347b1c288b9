import { Tx } from '@app/core';

/**
 * What one member's vote on an idea weighs (Idea.weightedVoteCount), read in the vote's
 * transaction. Ideas declares the port and care, which knows the members' segments, provides it
 * (globally); without a provider every vote weighs 1, so ideas works alone.
 */
export abstract class VoteWeights {
  abstract weightOf(memberId: string, tx: Tx): Promise<number>;
}

/** Every vote weighs 1: the weights when nothing provides VoteWeights. */
export const UNIT_VOTE_WEIGHTS: VoteWeights = { weightOf: () => Promise.resolve(1) };
