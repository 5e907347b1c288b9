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
  latestOf(postIds: readonly string[]): Promise<CorrectionEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(CorrectionEntity, 'c')
      .distinctOn(['c.post_id'])
      .where('c.post_id = ANY(:postIds::uuid[])', { postIds })
      .orderBy('c.post_id')
      .addOrderBy('c.created_at', 'DESC')
      .getMany();
  }
}
