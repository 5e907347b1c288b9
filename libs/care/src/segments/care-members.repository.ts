import { SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What care knows of one member, joined to their segment's settings. */
export interface MemberCareRow {
  segment_id: string | null;
  first_response_hours: number | null;
  dedicated_rep_enabled: boolean | null;
  idea_vote_weight: number | null;
  dedicated_rep_id: string | null;
}

export interface CareMember {
  userId: string;
  segmentId: string | null;
  dedicatedRepId: string | null;
}

/** The `care_members` table: a member's segment and dedicated rep. */
@Injectable()
export class CareMembersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Read for every case opened and every idea vote: a hot statement. */
  @SqlSnapshot({ params: [SAMPLE.UUID] })
  async profileRow(memberId: string, tx?: Tx): Promise<MemberCareRow | null> {
    const rows: MemberCareRow[] = await (tx ?? this.dataSource.manager).query(
      `SELECT m.segment_id, s.first_response_hours, s.dedicated_rep_enabled, s.idea_vote_weight,
              m.dedicated_rep_id
       FROM care_members m LEFT JOIN care_segments s ON s.id = m.segment_id
       WHERE m.user_id = $1`,
      [memberId],
    );
    return rows[0] ?? null;
  }

  /** Behind the request's loader of members' care rows (User.segment, User.dedicatedRep). */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  async byUserIds(userIds: readonly string[]): Promise<CareMember[]> {
    const rows: { user_id: string; segment_id: string | null; dedicated_rep_id: string | null }[] =
      await this.dataSource.query(
        `SELECT user_id, segment_id, dedicated_rep_id FROM care_members
         WHERE user_id = ANY($1::uuid[])`,
        [userIds],
      );
    return rows.map((row) => ({
      userId: row.user_id,
      segmentId: row.segment_id,
      dedicatedRepId: row.dedicated_rep_id,
    }));
  }

  /**
   * The member's row, created if missing, locked until the transaction ends: concurrent changes
   * of one member run one after the other, each seeing the segment the previous one left.
   */
  async lock(userId: string, tx: Tx): Promise<CareMember> {
    await tx.query(`INSERT INTO care_members (user_id) VALUES ($1) ON CONFLICT DO NOTHING`, [
      userId,
    ]);
    const rows: { segment_id: string | null; dedicated_rep_id: string | null }[] = await tx.query(
      `SELECT segment_id, dedicated_rep_id FROM care_members WHERE user_id = $1 FOR UPDATE`,
      [userId],
    );
    return { userId, segmentId: rows[0].segment_id, dedicatedRepId: rows[0].dedicated_rep_id };
  }

  async setSegment(
    userId: string,
    segmentId: string | null,
    keepRep: boolean,
    tx: Tx,
  ): Promise<void> {
    await tx.query(
      `UPDATE care_members
       SET segment_id = $2, dedicated_rep_id = CASE WHEN $3::boolean THEN dedicated_rep_id END, updated_at = now()
       WHERE user_id = $1`,
      [userId, segmentId, keepRep],
    );
  }

  async setRep(userId: string, repId: string | null, tx: Tx): Promise<void> {
    await tx.query(
      `UPDATE care_members SET dedicated_rep_id = $2, updated_at = now() WHERE user_id = $1`,
      [userId, repId],
    );
  }

  /** The members of a segment after `after`, in id order: a fan-out page. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2, 1000, SAMPLE.TX] })
  async memberPage(segmentId: string, after: string, limit: number, tx: Tx): Promise<string[]> {
    const rows: { user_id: string }[] = await tx.query(
      `SELECT user_id FROM care_members WHERE segment_id = $1 AND user_id > $2
       ORDER BY user_id LIMIT $3`,
      [segmentId, after, limit],
    );
    return rows.map((row) => row.user_id);
  }

  /** A segment that no longer allows reps: its members lose theirs. */
  async clearRepsOf(segmentId: string, tx: Tx): Promise<void> {
    await tx.query(
      `UPDATE care_members SET dedicated_rep_id = NULL, updated_at = now()
       WHERE segment_id = $1 AND dedicated_rep_id IS NOT NULL`,
      [segmentId],
    );
  }
}
