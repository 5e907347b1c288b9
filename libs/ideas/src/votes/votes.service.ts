import { badInput, RequestLoaders, Transactions, Viewer } from '@app/core';
import { Injectable } from '@nestjs/common';
import { IdeaEntity } from '../ideas/idea.entity';
import { votableIdea } from '../ideas/idea-rules';
import { IdeasRepository } from '../ideas/ideas.repository';
import { IdeasService } from '../ideas/ideas.service';
import { VoteChange, VotesRepository } from './votes.repository';
import { WeighedVotes } from './weighed-votes';

/**
 * Votes on ideas: one per member, idempotent, counted exactly (and at the voter's weight) under
 * any concurrency.
 *
 * Every voter on a popular idea waits for its row, so the rules are read before the
 * transaction, on a row nobody locks, and the idea is locked only by the statement that writes
 * the vote and its counts, right before the commit. That statement takes the vote only while
 * the idea is still open; an idea closed in between is refused by the same rules.
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
    const idea = votableIdea(await this.ideaRows.findById(ideaId), viewer);
    // The voter is held before the idea is locked, the order re-weighs lock in too.
    const change = await this.transactions.run((tx) => this.weighed.cast(idea.id, viewer.id, tx));
    return this.settled(viewer, idea, change);
  }

  /** Takes the viewer's vote back; taking back a vote never cast changes nothing. */
  async unvote(viewer: Viewer, ideaId: string): Promise<IdeaEntity> {
    const idea = votableIdea(await this.ideaRows.findById(ideaId), viewer);
    // No hold on the voter: the vote takes off what its row says, and a re-weigh rewrites
    // rows only under their idea's lock, which the statement takes before it deletes.
    const change = await this.transactions.run((tx) => this.votes.remove(idea.id, viewer.id, tx));
    return this.settled(viewer, idea, change);
  }

  /**
   * The idea as the vote left it: with the counts its statement returned, or read afresh when
   * nothing changed (a repeat), with whatever others counted meanwhile. An idea closed between
   * the check and the statement took nothing: the rules, read again, say why.
   */
  private async settled(viewer: Viewer, idea: IdeaEntity, change: VoteChange): Promise<IdeaEntity> {
    if (!change.open) {
      votableIdea(await this.ideaRows.findById(idea.id), viewer);
      throw badInput('ideaId', 'the idea takes no votes');
    }
    if (!change.counts) return this.ideas.current(idea.id);
    return Object.assign(idea, change.counts);
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
