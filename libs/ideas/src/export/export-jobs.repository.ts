import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { IdeaQueryFilter } from '../dto/idea-filter.input';
import { ExportJobEntity } from './export-job.entity';
import { ExportStatus } from './export-status';

/** Chunks read per query while serving a download (each holds up to a page of rows). */
const CHUNKS_PER_READ = 4;

/** The export_jobs rows and the CSV chunks written for them. */
@Injectable()
export class ExportJobsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ExportJobEntity) private readonly jobs: Repository<ExportJobEntity>,
  ) {}

  /** Inserts a QUEUED export through `manager`, inside the caller's transaction. */
  async insertQueued(
    manager: EntityManager,
    job: { id: string; requesterId: string; filter: IdeaQueryFilter },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO export_jobs (id, requester_id, filter, status) VALUES ($1, $2, $3, 'QUEUED')`,
      [job.id, job.requesterId, JSON.stringify(job.filter)],
    );
  }

  getById(id: string): Promise<ExportJobEntity> {
    return this.jobs.findOneByOrFail({ id });
  }

  /** The exports among `ids`, in no particular order. */
  findByIds(ids: readonly string[]): Promise<ExportJobEntity[]> {
    return this.jobs.findBy({ id: In([...ids]) });
  }

  /** The export if `requesterId` asked for it. */
  findOwn(id: string, requesterId: string): Promise<ExportJobEntity | null> {
    return this.jobs.findOneBy({ id, requesterId });
  }

  /**
   * Starts an attempt from scratch: drops whatever an earlier attempt wrote, marks the export
   * RUNNING and writes the header as chunk 0. Returns the filter, or null when the export is
   * unknown or already DONE (a job delivered twice).
   */
  start(id: string, header: string): Promise<IdeaQueryFilter | null> {
    return this.dataSource.transaction(async (manager) => {
      const [job]: Array<{ filter: IdeaQueryFilter }> = await manager.query(
        `SELECT filter FROM export_jobs WHERE id = $1 AND status <> 'DONE' FOR UPDATE`,
        [id],
      );
      if (!job) return null;
      await manager.query(`DELETE FROM export_chunks WHERE job_id = $1`, [id]);
      await manager.query(
        `UPDATE export_jobs SET status = 'RUNNING', row_count = 0, error = NULL, finished_at = NULL
          WHERE id = $1`,
        [id],
      );
      await manager.query(`INSERT INTO export_chunks (job_id, seq, data) VALUES ($1, 0, $2)`, [
        id,
        header,
      ]);
      return job.filter;
    });
  }

  /** Appends chunk `seq` holding `rows` rows; the progress moves in the same transaction. */
  appendChunk(id: string, seq: number, data: string, rows: number): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO export_chunks (job_id, seq, data) VALUES ($1, $2, $3)`, [
        id,
        seq,
        data,
      ]);
      await manager.query(`UPDATE export_jobs SET row_count = row_count + $2 WHERE id = $1`, [
        id,
        rows,
      ]);
    });
  }

  /** Marks a fully written export DONE. */
  async finish(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE export_jobs SET status = 'DONE', finished_at = now() WHERE id = $1`,
      [id],
    );
  }

  /** Drops the chunks of a failed attempt; the export waits for its retry. */
  requeue(id: string): Promise<void> {
    return this.discardAttempt(id, ExportStatus.QUEUED, null);
  }

  /** Drops the chunks of the last failed attempt and marks the export FAILED with `error`. */
  fail(id: string, error: string): Promise<void> {
    return this.discardAttempt(id, ExportStatus.FAILED, error);
  }

  /** The CSV of an export, chunk by chunk in order, read a few chunks at a time. */
  async *chunks(id: string): AsyncGenerator<string> {
    for (let after = -1; ; ) {
      const rows: Array<{ seq: number; data: string }> = await this.dataSource.query(
        `SELECT seq, data FROM export_chunks WHERE job_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [id, after, CHUNKS_PER_READ],
      );
      for (const row of rows) yield row.data;
      if (rows.length < CHUNKS_PER_READ) return;
      after = rows[rows.length - 1].seq;
    }
  }

  private discardAttempt(id: string, status: ExportStatus, error: string | null): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM export_chunks WHERE job_id = $1`, [id]);
      await manager.query(
        `UPDATE export_jobs
            SET status = $2, row_count = 0, error = $3,
                finished_at = CASE WHEN $2::text = 'FAILED' THEN now() END
          WHERE id = $1 AND status <> 'DONE'`,
        [id, status, error],
      );
    });
  }
}
