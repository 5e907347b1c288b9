import { SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { IdeaQueryFilter } from '../dto/idea-filter.input';
import { ExportJobEntity } from './export-job.entity';
import { ExportStatus } from './export-status';

/** The export_jobs rows and the CSV chunks written for them. */
@Injectable()
export class ExportJobsRepository {
  constructor(
    @InjectRepository(ExportJobEntity) private readonly jobs: Repository<ExportJobEntity>,
  ) {}

  /** Inserts a QUEUED export. */
  async insertQueued(
    job: { id: string; requesterId: string; filter: IdeaQueryFilter },
    tx: Tx,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO export_jobs (id, requester_id, filter, status) VALUES ($1, $2, $3, 'QUEUED')`,
      [job.id, job.requesterId, JSON.stringify(job.filter)],
    );
  }

  findById(id: string): Promise<ExportJobEntity | null> {
    return this.jobs.findOneBy({ id });
  }

  /** The exports among `ids`, in no particular order (the loaders' batch read). */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  findByIds(ids: readonly string[]): Promise<ExportJobEntity[]> {
    return this.jobs.findBy({ id: In([...ids]) });
  }

  /** The export if `requesterId` asked for it. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2] })
  findOwn(id: string, requesterId: string): Promise<ExportJobEntity | null> {
    return this.jobs.findOneBy({ id, requesterId });
  }

  /** The filter of an export not yet DONE, its row locked until `tx` ends; null otherwise. */
  async lockUnfinished(id: string, tx: Tx): Promise<IdeaQueryFilter | null> {
    const [job]: Array<{ filter: IdeaQueryFilter }> = await tx.query(
      `SELECT filter FROM export_jobs WHERE id = $1 AND status <> 'DONE' FOR UPDATE`,
      [id],
    );
    return job?.filter ?? null;
  }

  /** Drops every chunk written for the export. */
  async deleteChunks(id: string, tx: Tx): Promise<void> {
    await tx.query(`DELETE FROM export_chunks WHERE job_id = $1`, [id]);
  }

  /** Marks the export RUNNING with no rows written yet. */
  async markRunning(id: string, tx: Tx): Promise<void> {
    await tx.query(
      `UPDATE export_jobs SET status = 'RUNNING', row_count = 0, error = NULL, finished_at = NULL
        WHERE id = $1`,
      [id],
    );
  }

  /** Writes chunk `seq` of the export's CSV. */
  @SqlSnapshot({ params: [SAMPLE.UUID, 1, SAMPLE.TEXT, SAMPLE.TX] })
  async insertChunk(id: string, seq: number, data: string, tx: Tx): Promise<void> {
    await tx.query(`INSERT INTO export_chunks (job_id, seq, data) VALUES ($1, $2, $3)`, [
      id,
      seq,
      data,
    ]);
  }

  /** Moves the export's progress by `rows` rows. */
  @SqlSnapshot({ params: [SAMPLE.UUID, 1000, SAMPLE.TX] })
  async addRows(id: string, rows: number, tx: Tx): Promise<void> {
    await tx.query(`UPDATE export_jobs SET row_count = row_count + $2 WHERE id = $1`, [id, rows]);
  }

  /** Marks the export DONE, finished now. */
  async markDone(id: string): Promise<void> {
    await this.jobs.query(
      `UPDATE export_jobs SET status = 'DONE', finished_at = now() WHERE id = $1`,
      [id],
    );
  }

  /**
   * Puts an export not yet DONE back to `status` with no rows and `error` (finished now when
   * FAILED); a DONE export is left alone.
   */
  async resetAttempt(
    id: string,
    status: ExportStatus.QUEUED | ExportStatus.FAILED,
    error: string | null,
    tx: Tx,
  ): Promise<void> {
    await tx.query(
      `UPDATE export_jobs
          SET status = $2, row_count = 0, error = $3,
              finished_at = CASE WHEN $2::text = 'FAILED' THEN now() END
        WHERE id = $1 AND status <> 'DONE'`,
      [id, status, error],
    );
  }

  /** Up to `limit` chunks of the export's CSV after chunk `afterSeq`, in order. */
  @SqlSnapshot({ params: [SAMPLE.UUID, -1, 4] })
  chunkPage(
    id: string,
    afterSeq: number,
    limit: number,
  ): Promise<Array<{ seq: number; data: string }>> {
    return this.jobs.query(
      `SELECT seq, data FROM export_chunks WHERE job_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [id, afterSeq, limit],
    );
  }

  /** Deletes the exports finished more than `days` days ago (their chunks go with them). */
  async deleteFinishedOlderThan(days: number): Promise<void> {
    await this.jobs.query(
      `DELETE FROM export_jobs WHERE finished_at < now() - make_interval(days => $1)`,
      [days],
    );
  }
}
