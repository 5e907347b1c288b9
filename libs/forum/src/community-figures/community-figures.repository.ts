import { SAMPLE, SqlSnapshot } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How the community answered the questions asked in a window. */
export interface CommunityFigures {
  questionsAsked: number;
  /** Questions with a published answer by someone other than the asker who is not staff. */
  answeredByPeers: number;
  solved: number;
  /** Median minutes from a question to its first published answer by someone else; null if none. */
  medianMinutesToFirstAnswer: number | null;
}

/**
 * The community's figures over [since, until), computed by one statement from the rows: the
 * window is a range of an index of threads by created_at (threads_newest_idx or
 * threads_sitemap_idx), each question's answers a probe of posts by thread_id
 * (posts_thread_created_idx serves the first answer's time).
 * Staff are given by the caller (identity knows who they are): their answers are not peers'.
 */
@Injectable()
export class CommunityFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @SqlSnapshot({ params: [SAMPLE.DATE, new Date('2026-01-31T00:00:00.000Z'), [SAMPLE.UUID]] })
  async over(since: Date, until: Date, staffIds: readonly string[]): Promise<CommunityFigures> {
    const [row]: Array<{
      asked: number;
      by_peers: number;
      solved: number;
      median: number | null;
    }> = await this.dataSource.query(
      `SELECT count(*)::int AS asked,
              count(*) FILTER (WHERE q.by_peer)::int AS by_peers,
              count(*) FILTER (WHERE q.status = 'SOLVED')::int AS solved,
              percentile_cont(0.5) WITHIN GROUP (
                ORDER BY extract(epoch FROM q.first_answer_at - q.created_at) / 60
              ) AS median
         FROM (
           SELECT t.status, t.created_at,
                  (SELECT min(p.created_at) FROM posts p
                    WHERE p.thread_id = t.id AND p.status = 'PUBLISHED'
                      AND p.author_id <> t.author_id) AS first_answer_at,
                  EXISTS (SELECT 1 FROM posts p
                           WHERE p.thread_id = t.id AND p.status = 'PUBLISHED'
                             AND p.author_id <> t.author_id
                             AND p.author_id <> ALL ($3::uuid[])) AS by_peer
             FROM threads t
            WHERE t.content_status = 'PUBLISHED' AND t.created_at >= $1 AND t.created_at < $2
         ) q`,
      [since, until, staffIds],
    );
    return {
      questionsAsked: row.asked,
      answeredByPeers: row.by_peers,
      solved: row.solved,
      medianMinutesToFirstAnswer: row.median === null ? null : Number(row.median),
    };
  }
}
