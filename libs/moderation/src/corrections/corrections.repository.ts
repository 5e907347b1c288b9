import { SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CorrectionEntity } from './correction.entity';

/** A correction as it is written. */
export interface NewCorrection {
  id: string;
  postId: string;
  moderatorId: string;
  note: string;
  noteHtml: string;
}

/** Corrections of posts; a post shows its latest. */
@Injectable()
export class CorrectionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts a correction. */
  async insert(correction: NewCorrection, tx: Tx): Promise<void> {
    await tx.insert(CorrectionEntity, correction);
  }

  /** The latest correction of each of `postIds` that has one (behind the request's loader). */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  async latestOf(postIds: readonly string[]): Promise<CorrectionEntity[]> {
    // Read without the query builder: a thread page asks on every view.
    const rows: object[] = await this.dataSource.query(
      `SELECT DISTINCT ON (post_id) id, post_id AS "postId", moderator_id AS "moderatorId", note,
              note_html AS "noteHtml", created_at AS "createdAt"
         FROM corrections
        WHERE post_id = ANY($1::uuid[])
        ORDER BY post_id, created_at DESC`,
      [postIds],
    );
    return rows.map((row) => Object.assign(new CorrectionEntity(), row));
  }
}
