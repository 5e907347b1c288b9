import { MemberCareRow } from './segments.repository';

/** What the rest of care needs to know of a member: their SLA, routing and vote weight. */
export interface MemberCareProfile {
  segmentId: string | null;
  /** Null without a segment: the caller falls back to CARE_FIRST_RESPONSE_HOURS. */
  firstResponseHours: number | null;
  dedicatedRepEnabled: boolean;
  /** 1 without a segment. */
  ideaVoteWeight: number;
  dedicatedRepId: string | null;
}

export function toProfile(row: MemberCareRow | null): MemberCareProfile {
  if (!row) {
    return {
      segmentId: null,
      firstResponseHours: null,
      dedicatedRepEnabled: false,
      ideaVoteWeight: 1,
      dedicatedRepId: null,
    };
  }
  return {
    segmentId: row.segment_id,
    firstResponseHours: row.segment_id ? row.first_response_hours : null,
    dedicatedRepEnabled: row.segment_id ? Boolean(row.dedicated_rep_enabled) : false,
    ideaVoteWeight: row.segment_id ? (row.idea_vote_weight ?? 1) : 1,
    dedicatedRepId: row.dedicated_rep_id,
  };
}
