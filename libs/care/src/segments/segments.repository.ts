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
}
