import { SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';

/** Where a job's walk stopped: the key of the last row it went past. */
export interface JobMark {
  at: Date;
  id: string;
}

/** Before the first row of any walk. */
export const WALK_START: JobMark = {
  at: new Date(0),
  id: '00000000-0000-0000-0000-000000000000',
};

/** care_job_marks: one row per scheduled job. */
@Injectable()
export class JobMarksRepository {
  /**
   * Locks the job's mark for the caller's transaction, creating it at the start of the walk the
   * first time; null when another run holds it (that run does the work).
   */
  @SqlSnapshot({ params: [SAMPLE.TEXT, SAMPLE.TX] })
  async claim(job: string, tx: Tx): Promise<JobMark | null> {
    await tx.query(
      `INSERT INTO care_job_marks (job, after_at, after_id) VALUES ($1, $2, $3)
       ON CONFLICT (job) DO NOTHING`,
      [job, WALK_START.at, WALK_START.id],
    );
    const rows: Array<{ after_at: Date; after_id: string }> = await tx.query(
      `SELECT after_at, after_id FROM care_job_marks WHERE job = $1 FOR UPDATE SKIP LOCKED`,
      [job],
    );
    return rows.length ? { at: rows[0].after_at, id: rows[0].after_id } : null;
  }

  async move(job: string, mark: JobMark, tx: Tx): Promise<void> {
    await tx.query(`UPDATE care_job_marks SET after_at = $2, after_id = $3 WHERE job = $1`, [
      job,
      mark.at,
      mark.id,
    ]);
  }
}
