import { MemberMarks, SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IdeaEntity } from '../ideas/idea.entity';
import { CLOSED_IDEA_STATUSES } from '../ideas.enums';
import { voteWeightSql } from './trending';

/**
 * A vote row per member and idea, counted in ideas.vote_count and, at the weight stored on the
 * row, in ideas.weighted_vote_count. A vote adds 1 to the trending score at once; taking it back
 * takes off what it still weighed there (nothing once a week old). Adding and removing carry a
 * weight, which MemberMarks does not, so they are written here; the reads are MemberMarks'.
 */
const VOTES = new MemberMarks({
  table: 'idea_votes',
  targetColumn: 'idea_id',
  targets: 'ideas',
  counter: 'vote_count',
});

/** The lock space of the voters' advisory locks (with the member's id hashed as the second key). */
const VOTER_LOCKS = 1764001300;

/** The statements on idea votes: one vote per member per idea, counted once, at its weight. */
@Injectable()
export class VotesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Holds the voter (shared: votes of one member do not wait on each other) until `tx` ends. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.TX] })
  async holdVoter(userId: string, tx: Tx): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock_shared(${VOTER_LOCKS}, hashtext($1))`, [userId]);
  }

  /** Holds the voter alone until `tx` ends: waits for their votes in progress, and holds off new ones. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.TX] })
  async holdVoterAlone(userId: string, tx: Tx): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(${VOTER_LOCKS}, hashtext($1))`, [userId]);
  }

  /**
   * Casts the member's vote at `weight` and counts it, in one statement that first locks the idea
   * while it still takes votes (not merged, delivered or declined): a status change or a merge
   * either waits for the vote or is seen by it. Repeated, it changes nothing.
   */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2, 3, SAMPLE.TX] })
  async add(ideaId: string, userId: string, weight: number, tx: Tx): Promise<VoteChange> {
    return voteChange(
      await tx.query(
        `WITH open AS (
           SELECT id FROM ideas WHERE id = $1 AND status <> ALL($4::text[]) FOR UPDATE
         ), added AS (
           INSERT INTO idea_votes (idea_id, user_id, weight) SELECT id, $2, $3 FROM open
           ON CONFLICT DO NOTHING RETURNING idea_id, weight
         ), counted AS (
           UPDATE ideas i
              SET vote_count = i.vote_count + 1,
                  weighted_vote_count = i.weighted_vote_count + added.weight,
                  trending_score = i.trending_score + 1
             FROM added
            WHERE i.id = added.idea_id
           RETURNING i.vote_count, i.weighted_vote_count, i.trending_score
         )
         SELECT EXISTS (SELECT FROM open) AS open, counted.* FROM (SELECT) AS one
           LEFT JOIN counted ON true`,
        [ideaId, userId, weight, CLOSED_IDEA_STATUSES],
      ),
    );
  }

  /**
   * Takes the member's vote back and uncounts exactly what it added, in one statement that first
   * locks the idea while it still takes votes (as `add` does); taking back a vote never cast
   * changes nothing.
   */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2, SAMPLE.TX] })
  async remove(ideaId: string, userId: string, tx: Tx): Promise<VoteChange> {
    return voteChange(
      await tx.query(
        `WITH open AS (
           SELECT id FROM ideas WHERE id = $1 AND status <> ALL($3::text[]) FOR UPDATE
         ), removed AS (
           DELETE FROM idea_votes v USING open
            WHERE v.idea_id = open.id AND v.user_id = $2
           RETURNING v.idea_id, v.weight, ${voteWeightSql('v.created_at')} AS trending
         ), counted AS (
           UPDATE ideas i
              SET vote_count = i.vote_count - 1,
                  weighted_vote_count = i.weighted_vote_count - removed.weight,
                  trending_score = GREATEST(i.trending_score - removed.trending, 0)
             FROM removed
            WHERE i.id = removed.idea_id
           RETURNING i.vote_count, i.weighted_vote_count, i.trending_score
         )
         SELECT EXISTS (SELECT FROM open) AS open, counted.* FROM (SELECT) AS one
           LEFT JOIN counted ON true`,
        [ideaId, userId, CLOSED_IDEA_STATUSES],
      ),
    );
  }

  /**
   * Re-weighs one page of the member's votes: the ideas after `afterIdeaId` (at most `limit`, by
   * id, along idea_votes_user_idx) are locked in id order, then every vote of the member in that
   * range that weighs otherwise gets `weight`, and its idea's weighted count moves by the
   * difference. Returns the page's idea ids. Call it holding the voter alone (holdVoterAlone),
   * so that the rows read are the rows written.
   */
  @SqlSnapshot({ params: [SAMPLE.UUID, 3, SAMPLE.UUID_2, 500, SAMPLE.TX] })
  async reweighVotesOf(
    userId: string,
    weight: number,
    afterIdeaId: string,
    limit: number,
    tx: Tx,
  ): Promise<string[]> {
    const locked: Array<{ id: string }> = await tx.query(
      `SELECT i.id FROM ideas i
        WHERE i.id IN (SELECT v.idea_id FROM idea_votes v
                        WHERE v.user_id = $1 AND v.idea_id > $2
                        ORDER BY v.idea_id LIMIT $3)
        ORDER BY i.id
          FOR UPDATE OF i`,
      [userId, afterIdeaId, limit],
    );
    const ids = locked.map((row) => row.id);
    if (ids.length === 0) return ids;
    await tx.query(
      `WITH changed AS (
         UPDATE idea_votes v SET weight = $2::int
           FROM idea_votes old
          WHERE old.idea_id = v.idea_id AND old.user_id = v.user_id
            AND v.user_id = $1 AND v.idea_id > $3 AND v.idea_id <= $4 AND v.weight <> $2::int
         RETURNING v.idea_id, $2::int - old.weight AS delta
       )
       UPDATE ideas i SET weighted_vote_count = i.weighted_vote_count + changed.delta
         FROM changed
        WHERE i.id = changed.idea_id`,
      [userId, weight, afterIdeaId, ids[ids.length - 1]],
    );
    return ids;
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
   * Gives the target every vote of the source that it lacks, each with the time it was cast and
   * its weight, and counts them on the target (a member who voted for both is counted once).
   */
  async copyVotes(sourceId: string, targetId: string, tx: Tx): Promise<void> {
    await tx.query(
      `WITH moved AS (
         INSERT INTO idea_votes (idea_id, user_id, created_at, weight)
         SELECT $2, user_id, created_at, weight FROM idea_votes WHERE idea_id = $1
         ON CONFLICT DO NOTHING
         RETURNING weight, ${voteWeightSql('created_at')} AS trending
       )
       UPDATE ideas
          SET vote_count = vote_count + (SELECT count(*) FROM moved),
              weighted_vote_count = weighted_vote_count
                                    + (SELECT coalesce(sum(weight), 0) FROM moved),
              trending_score = trending_score + (SELECT coalesce(sum(trending), 0) FROM moved)
        WHERE id = $2`,
      [sourceId, targetId],
    );
  }
}

/** An idea's counts as a vote or an unvote left them. */
export type IdeaCounts = Pick<IdeaEntity, 'voteCount' | 'weightedVoteCount' | 'trendingScore'>;

/**
 * What a vote or an unvote did: `open` is false when the idea no longer took votes once locked
 * (nothing was written); `counts` are the idea's new counts when a vote row was written or
 * deleted and counted, null when nothing changed.
 */
export interface VoteChange {
  open: boolean;
  counts: IdeaCounts | null;
}

function voteChange(
  rows: Array<{
    open: boolean;
    vote_count: number | null;
    weighted_vote_count: number | null;
    trending_score: number | null;
  }>,
): VoteChange {
  const [row] = rows;
  return {
    open: row.open,
    counts:
      row.vote_count === null
        ? null
        : {
            voteCount: row.vote_count,
            weightedVoteCount: row.weighted_vote_count ?? 0,
            trendingScore: row.trending_score ?? 0,
          },
  };
}
