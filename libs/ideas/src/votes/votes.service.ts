import { RequestLoaders, Transactions, Viewer } from '@app/core';
import { Injectable } from '@nestjs/common';
import { IdeaEntity } from '../ideas/idea.entity';
import { votableIdea } from '../ideas/idea-rules';
import { IdeasRepository } from '../ideas/ideas.repository';
import { IdeasService } from '../ideas/ideas.service';
import { VotesRepository } from './votes.repository';
import { WeighedVotes } from './weighed-votes';

/**
 * Votes on ideas: one per member, idempotent, counted exactly (and at the voter's weight) under
 * any concurrency.
 */
@Injectable()
export class VotesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly votes: VotesRepository,
    private readonly weighed: WeighedVotes,
    private readonly ideaRows: IdeasRepository,
    private readonly ideas: IdeasService,
  ) {}

  /** Votes for an open idea; voting again changes nothing. */
  async vote(viewer: Viewer, ideaId: string): Promise<IdeaEntity> {
    await this.transactions.run(async (tx) => {
      // The voter before the idea, the order re-weighs lock in too.
      await this.weighed.holdVoter(viewer.id, tx);
      // The idea's row is locked next, so concurrent votes queue up behind the check.
      votableIdea(await this.ideaRows.lockById(ideaId, tx), viewer);
      await this.weighed.cast(ideaId, viewer.id, tx);
    });
    return this.ideas.current(ideaId);
  }

  /** Takes the viewer's vote back; taking back a vote never cast changes nothing. */
  async unvote(viewer: Viewer, ideaId: string): Promise<IdeaEntity> {
    await this.transactions.run(async (tx) => {
      // No hold on the voter: the vote takes off what its row says, and a re-weigh rewrites
      // rows only under their idea's lock, which this waits for.
      votableIdea(await this.ideaRows.lockById(ideaId, tx), viewer);
      await this.votes.remove(ideaId, viewer.id, tx);
    });
    return this.ideas.current(ideaId);
  }

  /** Whether the member voted for the idea, batched per request. */
  hasVoted(loaders: RequestLoaders, userId: string, ideaId: string): Promise<boolean> {
    return loaders
      .get<
        string,
        boolean
      >(`ideaVotes.of:${userId}`, (ideaIds) => this.votes.votedAmong(userId, ideaIds))
      .load(ideaId);
  }
}
