import { DomainEventHandlers, idPages } from '@app/core';
import { WeighedVotes } from '@app/ideas';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { CARE_EVENTS } from '../care.events';

/** Ideas re-weighed per transaction: a flat cost per page, whatever the member voted for. */
export const REWEIGH_PAGE = 500;

/**
 * When a member's segment changes, gives each of their idea votes the weight they have now, a
 * page of ideas at a time (by idea id, each page one transaction), and moves the ideas'
 * weighted counts by the difference. Each page reads the weight afresh, so a retry, a repeated
 * event or two changes in a row all end at the member's current weight.
 */
@Injectable()
export class VoteReweighHandler implements OnModuleInit {
  constructor(
    private readonly handlers: DomainEventHandlers,
    private readonly votes: WeighedVotes,
  ) {}

  onModuleInit(): void {
    this.handlers.register({
      handles: CARE_EVENTS.memberSegmentChanged,
      handle: async (event) => {
        await this.reweigh(event.payload.memberId);
      },
    });
  }

  /** Walks the member's votes to the end; returns how many ideas it went through. */
  async reweigh(memberId: string, pageSize = REWEIGH_PAGE): Promise<number> {
    const pages = idPages(
      (after, limit) => this.votes.reweighPage(memberId, after, limit),
      pageSize,
    );
    let walked = 0;
    for await (const ideaIds of pages) walked += ideaIds.length;
    return walked;
  }
}
