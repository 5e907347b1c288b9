import { AccountStatus, encodeCursor, PageRequest, Role, SAMPLE, Viewer } from '@app/core';

// Constant arguments for the @SqlSnapshot marks of the ideas repositories, whose SQL depends on
// who is looking and on where a page starts.

/** A signed-in member (neither the author of anything nor a moderator). */
export const SAMPLE_MEMBER: Viewer = {
  id: SAMPLE.UUID_2,
  handle: SAMPLE.TEXT,
  role: Role.MEMBER,
  status: AccountStatus.ACTIVE,
  sessionId: SAMPLE.UUID,
};

/** A first page of 20. */
export const SAMPLE_FIRST_PAGE: PageRequest = { direction: 'forward', limit: 20, cursor: null };

/** A page of 20 after a cursor made of `values` (the sort key's values, then the id). */
export function samplePageAfter(...values: Array<string | number>): PageRequest {
  return { direction: 'forward', limit: 20, cursor: encodeCursor([...values, SAMPLE.UUID]) };
}
