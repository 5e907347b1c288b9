/** One row of `care_segments`, as the rest of care and GraphQL read it. */
export class SegmentRecord {
  id!: string;
  key!: string;
  name!: string;
  firstResponseHours!: number;
  dedicatedRepEnabled!: boolean;
  ideaVoteWeight!: number;
  memberCount!: number;
}

export interface SegmentRow {
  id: string;
  key: string;
  name: string;
  first_response_hours: number;
  dedicated_rep_enabled: boolean;
  idea_vote_weight: number;
  member_count: number;
}

export function toSegment(row: SegmentRow): SegmentRecord {
  return Object.assign(new SegmentRecord(), {
    id: row.id,
    key: row.key,
    name: row.name,
    firstResponseHours: row.first_response_hours,
    dedicatedRepEnabled: row.dedicated_rep_enabled,
    ideaVoteWeight: row.idea_vote_weight,
    memberCount: row.member_count,
  });
}
