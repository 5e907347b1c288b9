import {
  badInput,
  canSee,
  ContentStatus,
  fromGlobalId,
  notFound,
  requestLoader,
  Viewer,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IdeaEntity } from '../ideas/idea.entity';
import { CLOSED_IDEA_STATUSES } from '../ideas.enums';
import { voteWeightSql } from './trending';

/** Votes on ideas: one per member, idempotent, counted exactly under any concurrency. */
@Injectable()
export class VotesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Votes for an open idea; voting again changes nothing. */
  async vote(viewer: Viewer, ideaGlobalId: string): Promise<IdeaEntity> {
    const ideaId = fromGlobalId(ideaGlobalId, 'Idea', 'ideaId');
    await this.dataSource.transaction(async (manager) => {
      await this.votableIdea(manager, ideaId, viewer);
      // The unique key makes a second vote a no-op; only a real insert moves the counters.
      await manager.query(
        `WITH cast_vote AS (
           INSERT INTO idea_votes (idea_id, user_id) VALUES ($1, $2)
           ON CONFLICT DO NOTHING RETURNING idea_id
         )
         UPDATE ideas SET vote_count = vote_count + 1, trending_score = trending_score + 1
          WHERE id IN (SELECT idea_id FROM cast_vote)`,
        [ideaId, viewer.id],
      );
    });
    return this.dataSource.manager.findOneByOrFail(IdeaEntity, { id: ideaId });
  }

  /** Takes the viewer's vote back; taking back a vote never cast changes nothing. */
  async unvote(viewer: Viewer, ideaGlobalId: string): Promise<IdeaEntity> {
    const ideaId = fromGlobalId(ideaGlobalId, 'Idea', 'ideaId');
    await this.dataSource.transaction(async (manager) => {
      await this.votableIdea(manager, ideaId, viewer);
      // The trending score loses what this vote still weighed (nothing once a week old).
      await manager.query(
        `WITH withdrawn AS (
           DELETE FROM idea_votes WHERE idea_id = $1 AND user_id = $2
           RETURNING idea_id, ${voteWeightSql('created_at')} AS weight
         )
         UPDATE ideas i
            SET vote_count = vote_count - 1,
                trending_score = GREATEST(trending_score - w.weight, 0)
           FROM withdrawn w
          WHERE i.id = w.idea_id`,
        [ideaId, viewer.id],
      );
    });
    return this.dataSource.manager.findOneByOrFail(IdeaEntity, { id: ideaId });
  }

  /** Whether the member voted for the idea, batched per request. */
  hasVoted(ctx: object, userId: string, ideaId: string): Promise<boolean> {
    return requestLoader<string, boolean>(ctx, `ideaVotes.of:${userId}`, async (ideaIds) => {
      const rows: Array<{ idea_id: string }> = await this.dataSource.query(
        `SELECT idea_id FROM idea_votes WHERE user_id = $1 AND idea_id = ANY($2::uuid[])`,
        [userId, ideaIds],
      );
      const voted = new Set(rows.map((row) => row.idea_id));
      return ideaIds.map((id) => voted.has(id));
    }).load(ideaId);
  }

  /** Locks the idea's row (so concurrent votes queue up) and checks it takes votes. */
  private async votableIdea(manager: EntityManager, ideaId: string, viewer: Viewer): Promise<void> {
    const idea = await manager.findOne(IdeaEntity, {
      where: { id: ideaId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!idea || !canSee(idea.contentStatus, idea.authorId, viewer)) throw notFound('Idea');
    if (idea.contentStatus !== ContentStatus.PUBLISHED) {
      throw badInput('ideaId', 'the idea is not published');
    }
    if (CLOSED_IDEA_STATUSES.includes(idea.status)) {
      throw badInput('ideaId', `the idea is ${idea.status.toLowerCase()} and takes no votes`);
    }
  }
}
