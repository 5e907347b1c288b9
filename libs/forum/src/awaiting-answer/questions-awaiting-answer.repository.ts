import { SAMPLE, SqlSnapshot } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A question's place in the walk: by creation time, the id breaking ties. */
export interface QuestionKey {
  createdAt: Date;
  id: string;
}

/** A published question, and whether someone other than its asker has answered it publicly. */
export interface AskedQuestion extends QuestionKey {
  authorId: string;
  title: string;
  answeredByOthers: boolean;
}

/**
 * Published questions in the order they were asked, for a walk that resumes where it stopped
 * (care's auto-escalation): a page costs its own rows, whatever the size of the table. The walk
 * is a range scan of an index of threads by (created_at, id) (threads_newest_idx read backward,
 * or threads_sitemap_idx), and each answer check a probe of posts by thread_id.
 */
@Injectable()
export class QuestionsAwaitingAnswerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up to `limit` questions asked after `after` and at or before `until`, oldest first. */
  @SqlSnapshot({ params: [{ createdAt: SAMPLE.DATE, id: SAMPLE.UUID }, SAMPLE.DATE, 200] })
  async askedBetween(after: QuestionKey, until: Date, limit: number): Promise<AskedQuestion[]> {
    const rows: Array<{
      id: string;
      author_id: string;
      title: string;
      created_at: Date;
      answered: boolean;
    }> = await this.dataSource.query(
      `SELECT t.id, t.author_id, t.title, t.created_at,
              EXISTS (SELECT 1 FROM posts p
                       WHERE p.thread_id = t.id AND p.status = 'PUBLISHED'
                         AND p.author_id <> t.author_id) AS answered
         FROM threads t
        WHERE t.content_status = 'PUBLISHED'
          AND (t.created_at, t.id) > ($1, $2) AND t.created_at <= $3
        ORDER BY t.created_at, t.id
        LIMIT $4`,
      [after.createdAt, after.id, until, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      authorId: row.author_id,
      title: row.title,
      createdAt: row.created_at,
      answeredByOthers: row.answered,
    }));
  }
}
