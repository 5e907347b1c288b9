import { MemberMarks, SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { voteWeightSql } from './trending';

/**
 * A vote row per member and idea, counted in ideas.vote_count. A vote adds 1 to the trending
 * score at once; taking it back takes off what it still weighed (nothing once a week old).
 */
const VOTES = new MemberMarks({
  table: 'idea_votes',
  targetColumn: 'idea_id',
  targets: 'ideas',
  counter: 'vote_count',
  alsoOnAdd: 'trending_score = trending_score + 1',
  alsoOnRemove: {
    returning: `${voteWeightSql('created_at')} AS weight`,
    set: 'trending_score = GREATEST(t.trending_score - removed.weight, 0)',
  },
});

/** The statements on idea votes: one vote per member per idea, counted once. */
@Injectable()
export class VotesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Casts the member's vote and counts it; false when it was already cast. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2, SAMPLE.TX] })
  add(ideaId: string, userId: string, tx: Tx): Promise<boolean> {
    return VOTES.add(tx, ideaId, userId);
  }

  /** Takes the member's vote back and uncounts it; false when there was none. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2, SAMPLE.TX] })
  remove(ideaId: string, userId: string, tx: Tx): Promise<boolean> {
    return VOTES.remove(tx, ideaId, userId);
  }

  /** For each idea, whether the member voted for it (in the order of `ideaIds`). */
  @SqlSnapshot({ params: [SAMPLE.UUID, [SAMPLE.UUID, SAMPLE.UUID_2]] })
  votedAmong(userId: string, ideaIds: readonly string[]): Promise<boolean[]> {
    return VOTES.markedAmong(this.dataSource.manager, userId, ideaIds);
  }

  /** One page of the idea's voters, by id after `afterUserId`. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2, 1000] })
  voterPage(ideaId: string, afterUserId: string, limit: number): Promise<string[]> {
    return VOTES.markerPage(this.dataSource.manager, ideaId, afterUserId, limit);
  }

  /**
   * Gives the target every vote of the source that it lacks, each with the time it was cast,
   * and counts them on the target (a member who voted for both is counted once).
   */
  async copyVotes(sourceId: string, targetId: string, tx: Tx): Promise<void> {
    await tx.query(
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
  }
}
