import { badInput, ModerationLog, notFound, OutboxService, Transactions, Viewer } from '@app/core';
import { Injectable } from '@nestjs/common';
import { IdeaEntity } from '../ideas/idea.entity';
import { IdeaFollowersRepository } from '../ideas/idea-followers.repository';
import { IdeasRepository } from '../ideas/ideas.repository';
import { IdeasService } from '../ideas/ideas.service';
import { IDEA_EVENTS, IdeaMergedEvent, IdeaStatusChangedEvent } from '../ideas.events';
import { IdeaStatus } from '../ideas.enums';
import { VotesRepository } from '../votes/votes.repository';

/**
 * What product teams do with ideas: set their status with a note, and merge duplicates. Both
 * are logged; the people to tell are told by the worker, so the mutation costs the same for an
 * idea with one voter as for one with 100,000.
 */
@Injectable()
export class IdeaStatusService {
  constructor(
    private readonly transactions: Transactions,
    private readonly ideaRows: IdeasRepository,
    private readonly votes: VotesRepository,
    private readonly followers: IdeaFollowersRepository,
    private readonly ideas: IdeasService,
    private readonly outbox: OutboxService,
    private readonly log: ModerationLog,
  ) {}

  /** Sets an idea's status with an optional note; the same status and note again changes nothing. */
  async setStatus(
    viewer: Viewer,
    ideaId: string,
    status: IdeaStatus,
    givenNote: string | null | undefined,
  ): Promise<IdeaEntity> {
    if (status === IdeaStatus.MERGED) {
      throw badInput('status', 'use mergeIdea to merge an idea');
    }
    const note = givenNote?.trim() || null;
    await this.transactions.run(async (tx) => {
      const idea = await this.ideaRows.lockById(ideaId, tx);
      if (!idea) throw notFound('Idea');
      if (idea.status === IdeaStatus.MERGED) {
        throw badInput('ideaId', 'a merged idea keeps its status');
      }
      if (idea.status === status && idea.statusNote === note) return;
      await this.ideaRows.setStatus(idea.id, status, note, tx);
      await this.log.append(tx, {
        actorId: viewer.id,
        action: `IDEA_STATUS_${status}`,
        targetType: 'Idea',
        targetId: idea.id,
        targetUserId: idea.authorId,
        reason: note ?? `was ${idea.status}`,
      });
      await this.outbox.record(tx, IDEA_EVENTS.statusChanged, {
        ideaId: idea.id,
        title: idea.title,
        status,
        note,
        actorId: viewer.id,
      } satisfies IdeaStatusChangedEvent);
    });
    return this.ideas.current(ideaId);
  }

  /**
   * Merges a duplicate into another idea: the source's voters become the target's (each member
   * counted once, with the time they voted), its followers follow the target, and the source
   * becomes MERGED pointing at the target.
   */
  async merge(viewer: Viewer, sourceId: string, targetId: string): Promise<IdeaEntity> {
    if (sourceId === targetId) throw badInput('targetId', 'an idea cannot be merged into itself');
    await this.transactions.run(async (tx) => {
      const locked = await this.ideaRows.lockByIds([sourceId, targetId], tx);
      const source = locked.find((idea) => idea.id === sourceId);
      const target = locked.find((idea) => idea.id === targetId);
      if (!source) throw notFound('Idea');
      if (!target) throw notFound('Idea');
      if (source.status === IdeaStatus.MERGED) {
        throw badInput('sourceId', 'the idea is already merged');
      }
      if (target.status === IdeaStatus.MERGED) {
        throw badInput('targetId', 'cannot merge into a merged idea');
      }
      await this.votes.copyVotes(sourceId, targetId, tx);
      await this.followers.copyFollowers(sourceId, targetId, tx);
      await this.ideaRows.markMerged(sourceId, targetId, tx);
      await this.log.append(tx, {
        actorId: viewer.id,
        action: 'IDEA_MERGE',
        targetType: 'Idea',
        targetId: sourceId,
        targetUserId: source.authorId,
        reason: `merged into “${target.title}”`,
      });
      await this.outbox.record(tx, IDEA_EVENTS.merged, {
        sourceId,
        targetId,
        sourceTitle: source.title,
        targetTitle: target.title,
        actorId: viewer.id,
      } satisfies IdeaMergedEvent);
    });
    return this.ideas.current(targetId);
  }
}
