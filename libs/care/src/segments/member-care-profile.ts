import { MemberCareRow } from './care-members.repository';

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
  const inSegment = row.segment_id !== null;
  const repsEnabled = inSegment && Boolean(row.dedicated_rep_enabled);
  return {
    segmentId: row.segment_id,
    firstResponseHours: inSegment ? row.first_response_hours : null,
    dedicatedRepEnabled: repsEnabled,
    ideaVoteWeight: inSegment ? (row.idea_vote_weight ?? 1) : 1,
    // Writes clear a rep whose segment stops allowing one; this keeps the rule should one slip.
    dedicatedRepId: repsEnabled ? row.dedicated_rep_id : null,
  };
}
