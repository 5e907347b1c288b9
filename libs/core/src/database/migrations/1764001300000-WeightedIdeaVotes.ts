import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Weighted idea votes: each vote keeps the weight its voter's segment gave it when it was cast
 * (so that taking it back removes exactly what it added), and each idea the sum of its votes'
 * weights, indexed for ideas(orderBy: WEIGHTED) as TOP is.
 */
export class WeightedIdeaVotes1764001300000 implements MigrationInterface {
  name = 'WeightedIdeaVotes1764001300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE idea_votes ADD COLUMN weight integer NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 100)`,
    );
    await db.query(
      `ALTER TABLE ideas ADD COLUMN weighted_vote_count integer NOT NULL DEFAULT 0
         CHECK (weighted_vote_count >= 0)`,
    );
    // Votes cast before today weigh what their voter's segment says now.
    await db.query(`
      UPDATE idea_votes v SET weight = s.idea_vote_weight
        FROM care_members m JOIN care_segments s ON s.id = m.segment_id
       WHERE m.user_id = v.user_id AND s.idea_vote_weight <> 1`);
    await db.query(`
      UPDATE ideas i SET weighted_vote_count = w.total
        FROM (SELECT idea_id, sum(weight)::int AS total FROM idea_votes GROUP BY idea_id) w
       WHERE w.idea_id = i.id`);
    await db.query(`CREATE INDEX ideas_weighted_idx ON ideas (weighted_vote_count DESC, id DESC)`);
    await db.query(
      `CREATE INDEX ideas_board_weighted_idx ON ideas (board_id, weighted_vote_count DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX ideas_status_weighted_idx ON ideas (status, weighted_vote_count DESC, id DESC)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE ideas DROP COLUMN weighted_vote_count`);
    await db.query(`ALTER TABLE idea_votes DROP COLUMN weight`);
  }
}
