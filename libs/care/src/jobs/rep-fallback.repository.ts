import { SAMPLE, SqlSnapshot } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A case assigned to the member's dedicated rep, still waiting for the rep's first response. */
export interface WaitingCase {
  id: string;
  assigneeId: string | null;
  repFallbackAt: Date;
}

/**
 * The cases waiting for their dedicated rep, by (rep_fallback_at, id): a range of
 * care_cases_rep_fallback_idx, which holds only the cases whose fallback is still set (a case
 * leaves it when it returns to the inbox), so a walk costs the waiting cases, not the table.
 */
@Injectable()
export class RepFallbackRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up to `limit` waiting cases after `after` (from the start without it). */
  @SqlSnapshot({ name: 'first page', params: [null, 200] })
  @SqlSnapshot({ name: 'after a case', params: [{ at: SAMPLE.DATE, id: SAMPLE.UUID }, 200] })
  async waitingPage(after: { at: Date; id: string } | null, limit: number): Promise<WaitingCase[]> {
    const rows: Array<{ id: string; assignee_id: string | null; rep_fallback_at: Date }> =
      await this.dataSource.query(
        `SELECT id, assignee_id, rep_fallback_at FROM care_cases
          WHERE rep_fallback_at IS NOT NULL AND (rep_fallback_at, id) > ($1, $2)
            AND first_responded_at IS NULL AND status <> 'RESOLVED'
          ORDER BY rep_fallback_at, id
          LIMIT $3`,
        [after?.at ?? new Date(0), after?.id ?? '00000000-0000-0000-0000-000000000000', limit],
      );
    return rows.map((row) => ({
      id: row.id,
      assigneeId: row.assignee_id,
      repFallbackAt: row.rep_fallback_at,
    }));
  }
}
