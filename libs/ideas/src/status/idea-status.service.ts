import { badInput, fromGlobalId, ModerationLog, notFound, OutboxService, Viewer } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { MergeIdeaInput, SetIdeaStatusInput } from '../dto/set-idea-status.input';
import { IdeaEntity } from '../ideas/idea.entity';
import { IDEA_EVENTS, IdeaMergedEvent, IdeaStatusChangedEvent } from '../ideas.events';
import { IdeaStatus } from '../ideas.enums';
import { voteWeightSql } from '../votes/trending';

/**
 * What product teams do with ideas: set their status with a note, and merge duplicates. Both
 * are logged; the people to tell are told by the worker, so the mutation costs the same for an
 * idea with one voter as for one with 100,000.
 */
@Injectable()
export class IdeaStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly log: ModerationLog,
  ) {}

  async setStatus(viewer: Viewer, input: SetIdeaStatusInput): Promise<IdeaEntity> {
    const ideaId = fromGlobalId(input.ideaId, 'Idea', 'ideaId');
    if (input.status === IdeaStatus.MERGED) {
      throw badInput('status', 'use mergeIdea to merge an idea');
    }
    const note = input.note?.trim() || null;
    await this.dataSource.transaction(async (manager) => {
      const idea = await this.lockIdea(manager, ideaId);
      if (idea.status === IdeaStatus.MERGED) {
        throw badInput('ideaId', 'a merged idea keeps its status');
      }
      if (idea.status === input.status && idea.statusNote === note) return;
      await manager.update(IdeaEntity, { id: idea.id }, { status: input.status, statusNote: note });
      await this.log.append(manager, {
        actorId: viewer.id,
        action: `IDEA_STATUS_${input.status}`,
        targetType: 'Idea',
        targetId: idea.id,
        targetUserId: idea.authorId,
        reason: note ?? `was ${idea.status}`,
      });
      await this.outbox.record(manager, IDEA_EVENTS.statusChanged, {
        ideaId: idea.id,
        title: idea.title,
        status: input.status,
        note,
        actorId: viewer.id,
      } satisfies IdeaStatusChangedEvent);
    });
    return this.dataSource.manager.findOneByOrFail(IdeaEntity, { id: ideaId });
  }

  /**
   * Merges a duplicate into another idea: the source's voters become the target's (each member
   * counted once, with the time they voted), its followers follow the target, and the source
   * becomes MERGED pointing at the target.
   */
  async merge(viewer: Viewer, input: MergeIdeaInput): Promise<IdeaEntity> {
    const sourceId = fromGlobalId(input.sourceId, 'Idea', 'sourceId');
    const targetId = fromGlobalId(input.targetId, 'Idea', 'targetId');
    if (sourceId === targetId) throw badInput('targetId', 'an idea cannot be merged into itself');
    await this.dataSource.transaction(async (manager) => {
      // Both rows locked in id order, so two merges of the same pair cannot deadlock.
      const locked = await manager.find(IdeaEntity, {
        where: { id: In([sourceId, targetId]) },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
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
      await manager.query(
        `WITH moved AS (
           INSERT INTO idea_votes (idea_id, user_id, created_at)
           SELECT $2, user_id, created_at FROM idea_votes WHERE idea_id = $1
           ON CONFLICT DO NOTHING
           RETURNING ${voteWeightSql('created_at')} AS weight
         )
         UPDATE ideas
            SET vote_count = vote_count + (SELECT count(*) FROM moved),
                trending_score = trending_score + (SELECT coalesce(sum(weight), 0) FROM moved)
          WHERE id = $2`,
        [sourceId, targetId],
      );
      await manager.query(
        `INSERT INTO idea_subscriptions (idea_id, user_id)
         SELECT $2, user_id FROM idea_subscriptions WHERE idea_id = $1
         ON CONFLICT DO NOTHING`,
        [sourceId, targetId],
      );
      await manager.update(
        IdeaEntity,
        { id: sourceId },
        { status: IdeaStatus.MERGED, mergedInto: targetId, trendingScore: 0 },
      );
      await this.log.append(manager, {
        actorId: viewer.id,
        action: 'IDEA_MERGE',
        targetType: 'Idea',
        targetId: sourceId,
        targetUserId: source.authorId,
        reason: `merged into “${target.title}”`,
      });
      await this.outbox.record(manager, IDEA_EVENTS.merged, {
        sourceId,
        targetId,
        sourceTitle: source.title,
        targetTitle: target.title,
        actorId: viewer.id,
      } satisfies IdeaMergedEvent);
    });
    return this.dataSource.manager.findOneByOrFail(IdeaEntity, { id: targetId });
  }

  private async lockIdea(manager: EntityManager, id: string): Promise<IdeaEntity> {
    const idea = await manager.findOne(IdeaEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!idea) throw notFound('Idea');
    return idea;
  }
}
