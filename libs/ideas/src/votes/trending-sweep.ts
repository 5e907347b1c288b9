import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TRENDING_WINDOW_DAYS, voteWeightSql } from './trending';

/**
 * Recomputes the trending scores of ideas with votes in the window, so that votes age and drop
 * out after a week (see trending.ts). Reads only recent votes, through their time index.
 */
@Injectable()
export class TrendingSweep {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async sweep(): Promise<void> {
    // Rows a vote or a merge holds are skipped (the next sweep gets them), so the sweep never
    // waits on members and never deadlocks with a merge locking two ideas.
    await this.dataSource.query(
      `WITH recent AS (
         SELECT idea_id, sum(${voteWeightSql('created_at')}) AS score
           FROM idea_votes
          WHERE created_at > now() - interval '${TRENDING_WINDOW_DAYS + 1} days'
          GROUP BY idea_id
       ), free AS (
         SELECT i.id FROM ideas i JOIN recent ON recent.idea_id = i.id
          WHERE i.status <> 'MERGED'
          FOR UPDATE OF i SKIP LOCKED
       )
       UPDATE ideas i SET trending_score = recent.score
         FROM recent JOIN free ON free.id = recent.idea_id
        WHERE i.id = free.id`,
    );
    await this.dataSource.query(
      `WITH stale AS (
         SELECT id FROM ideas
          WHERE trending_score > 0
            AND NOT EXISTS (SELECT 1 FROM idea_votes v WHERE v.idea_id = ideas.id
                              AND v.created_at > now() - interval '${TRENDING_WINDOW_DAYS} days')
          FOR UPDATE SKIP LOCKED
       )
       UPDATE ideas SET trending_score = 0 WHERE id IN (SELECT id FROM stale)`,
    );
  }
}
