import { fakeTransactions, TX } from '../testing';
import { VoteWeights } from './vote-weights';
import { VotesRepository } from './votes.repository';
import { WeighedVotes } from './weighed-votes';

/** What the fakes were asked, in order. */
const calls: string[] = [];

function weighedWith(weights?: VoteWeights) {
  calls.length = 0;
  const votes = {
    holdVoter: jest.fn(async () => {
      calls.push('holdVoter');
    }),
    holdVoterAlone: jest.fn(async () => {
      calls.push('holdVoterAlone');
    }),
    add: jest.fn(async () => true),
    reweighVotesOf: jest.fn(async () => ['idea-1', 'idea-2']),
  };
  const weighed = new WeighedVotes(
    fakeTransactions(),
    votes as unknown as VotesRepository,
    weights,
  );
  return { weighed, votes, calls };
}

describe('votes at their voter’s weight', () => {
  it('weighs every vote 1 when nothing provides the weights (ideas alone)', async () => {
    const { weighed, votes } = weighedWith();
    expect(await weighed.cast('idea', 'member', TX)).toBe(true);
    expect(votes.holdVoter).toHaveBeenCalledWith('member', TX);
    expect(votes.add).toHaveBeenCalledWith('idea', 'member', 1, TX);
  });

  it('casts at the weight the provider gives, read in the vote’s transaction', async () => {
    const weights = { weightOf: jest.fn(async () => 3) };
    const { weighed, votes } = weighedWith(weights);
    await weighed.cast('idea', 'member', TX);
    expect(weights.weightOf).toHaveBeenCalledWith('member', TX);
    expect(votes.add).toHaveBeenCalledWith('idea', 'member', 3, TX);
  });

  it('re-weighs a page holding the voter alone, at the weight read after taking the hold', async () => {
    const weights = {
      weightOf: jest.fn(async () => {
        calls.push('weightOf');
        return 10;
      }),
    };
    const { weighed, votes, calls } = weighedWith(weights);
    expect(await weighed.reweighPage('member', 'after', 500)).toEqual(['idea-1', 'idea-2']);
    expect(calls).toEqual(['holdVoterAlone', 'weightOf']);
    expect(votes.reweighVotesOf).toHaveBeenCalledWith('member', 10, 'after', 500, TX);
  });
});
