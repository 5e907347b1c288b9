import { SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SegmentSettings } from './segment-rules';
import { SegmentRecord, SegmentRow, toSegment } from './segment.record';

const COLUMNS = `id, key, name, first_response_hours, dedicated_rep_enabled, idea_vote_weight, member_count`;

/** The `care_segments` table. */
@Injectable()
export class SegmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @SqlSnapshot({ params: [] })
  async all(): Promise<SegmentRecord[]> {
    const rows: SegmentRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM care_segments ORDER BY key`,
    );
    return rows.map(toSegment);
  }

  /** Behind the request's loader of segments (User.segment, node). */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  async byIds(ids: readonly string[]): Promise<SegmentRecord[]> {
    const rows: SegmentRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM care_segments WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toSegment);
  }

  /**
   * The vote weight of the segment with this key (null when there is none), locked so that no
   * member moves in or out while its members' votes are weighed again.
   */
  async lockWeightByKey(key: string, tx: Tx): Promise<number | null> {
    const rows: { idea_vote_weight: number }[] = await tx.query(
      `SELECT idea_vote_weight FROM care_segments WHERE key = $1 FOR UPDATE`,
      [key],
    );
    return rows[0]?.idea_vote_weight ?? null;
  }

  /** Inserts the segment, or updates the one with that key (keeping its id and count). */
  async upsert(id: string, settings: SegmentSettings, tx: Tx): Promise<SegmentRecord> {
    const rows: SegmentRow[] = await tx.query(
      `INSERT INTO care_segments (id, key, name, first_response_hours, dedicated_rep_enabled, idea_vote_weight)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name,
         first_response_hours = EXCLUDED.first_response_hours,
         dedicated_rep_enabled = EXCLUDED.dedicated_rep_enabled,
         idea_vote_weight = EXCLUDED.idea_vote_weight
       RETURNING ${COLUMNS}`,
      [
        id,
        settings.key,
        settings.name,
        settings.firstResponseHours,
        settings.dedicatedRepEnabled,
        settings.ideaVoteWeight,
      ],
    );
    return toSegment(rows[0]);
  }

  /**
   * Locks the segments whose counts a move changes, always in id order, so that two moves in
   * opposite directions wait for each other instead of deadlocking. Returns those that exist.
   */
  async lockForMove(
    ids: readonly string[],
    tx: Tx,
  ): Promise<{ id: string; dedicatedRepEnabled: boolean }[]> {
    const rows: { id: string; dedicated_rep_enabled: boolean }[] = await tx.query(
      `SELECT id, dedicated_rep_enabled FROM care_segments
       WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    return rows.map((row) => ({ id: row.id, dedicatedRepEnabled: row.dedicated_rep_enabled }));
  }

  async addMembers(id: string, delta: number, tx: Tx): Promise<void> {
    await tx.query(`UPDATE care_segments SET member_count = member_count + $2 WHERE id = $1`, [
      id,
      delta,
    ]);
  }

  /**
   * Whether the segment allows dedicated reps, holding it so that it cannot be switched off
   * before the caller's transaction ends. Null when it does not exist.
   */
  async repsEnabledShared(id: string, tx: Tx): Promise<boolean | null> {
    const rows: { dedicated_rep_enabled: boolean }[] = await tx.query(
      `SELECT dedicated_rep_enabled FROM care_segments WHERE id = $1 FOR SHARE`,
      [id],
    );
    return rows[0]?.dedicated_rep_enabled ?? null;
  }
}
