import { SAMPLE, Tx } from '@app/core';
import { SegmentsService } from '../segments';
import { CareVoteWeights } from './care-vote-weights';

describe("care's vote weights", () => {
  it("weigh a vote by the voter's segment, read in the vote's transaction", async () => {
    const profileOf = jest.fn(async () => ({
      segmentId: SAMPLE.UUID,
      firstResponseHours: 4,
      dedicatedRepEnabled: true,
      ideaVoteWeight: 10,
      dedicatedRepId: null,
    }));
    const weights = new CareVoteWeights({ profileOf } as unknown as SegmentsService);
    const tx = { fake: 'tx' } as unknown as Tx;
    expect(await weights.weightOf('member', tx)).toBe(10);
    expect(profileOf).toHaveBeenCalledWith('member', tx);
  });
});
