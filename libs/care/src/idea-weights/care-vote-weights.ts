import { Tx } from '@app/core';
import { VoteWeights } from '@app/ideas';
import { Injectable } from '@nestjs/common';
import { SegmentsService } from '../segments';

/** Ideas' VoteWeights port, from the voter's segment: its ideaVoteWeight, 1 without a segment. */
@Injectable()
export class CareVoteWeights extends VoteWeights {
  constructor(private readonly segments: SegmentsService) {
    super();
  }

  async weightOf(memberId: string, tx: Tx): Promise<number> {
    return (await this.segments.profileOf(memberId, tx)).ideaVoteWeight;
  }
}
