import { SAMPLE, SqlSnapshot } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Care's own figures over a window: cases opened in it and deflections recorded in it. */
export interface CareFigures {
  casesOpened: number;
  escalations: number;
  /** Median minutes from creation to the first response; null when no case had one. */
  medianMinutesToFirstResponse: number | null;
  /** Cases of the window first answered by their due time. */
  slaMet: number;
  deflections: number;
}

const WINDOW_END = new Date('2026-01-31T00:00:00.000Z');

/**
 * Care's figures over [since, until), computed from the rows by one statement per table: a range
 * of care_cases_created_idx (created_at) and one of deflections_created_idx (created_at).
 */
@Injectable()
export class CareFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @SqlSnapshot({ params: [SAMPLE.DATE, WINDOW_END] })
  async cases(since: Date, until: Date): Promise<Omit<CareFigures, 'deflections'>> {
    const [row]: Array<{
      opened: number;
      escalations: number;
      median: number | null;
      sla_met: number;
    }> = await this.dataSource.query(
      `SELECT count(*)::int AS opened,
              count(*) FILTER (WHERE origin IN ('ESCALATED', 'AUTO_ESCALATED'))::int AS escalations,
              percentile_cont(0.5) WITHIN GROUP (
                ORDER BY extract(epoch FROM first_responded_at - created_at) / 60
              ) AS median,
              count(*) FILTER (WHERE first_responded_at <= first_response_due_at)::int AS sla_met
         FROM care_cases
        WHERE created_at >= $1 AND created_at < $2`,
      [since, until],
    );
    return {
      casesOpened: row.opened,
      escalations: row.escalations,
      medianMinutesToFirstResponse: row.median === null ? null : Number(row.median),
      slaMet: row.sla_met,
    };
  }

  @SqlSnapshot({ params: [SAMPLE.DATE, WINDOW_END] })
  async deflections(since: Date, until: Date): Promise<number> {
    const [row]: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM deflections WHERE created_at >= $1 AND created_at < $2`,
      [since, until],
    );
    return row.n;
  }
}
