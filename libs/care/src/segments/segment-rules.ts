import { badInput, hasRole, Role, STAFF_ROLES, Viewer } from '@app/core';

export const SEGMENT_KEY = /^[a-z0-9-]{2,30}$/;

/** A segment's settings as the service writes them, defaults applied. */
export interface SegmentSettings {
  key: string;
  name: string;
  firstResponseHours: number;
  dedicatedRepEnabled: boolean;
  ideaVoteWeight: number;
}

export interface SegmentInput {
  key: string;
  name: string;
  firstResponseHours: number;
  dedicatedRepEnabled?: boolean | null;
  ideaVoteWeight?: number | null;
}

/** Applies the defaults and checks every range; BAD_USER_INPUT names the first field broken. */
export function segmentSettings(input: SegmentInput): SegmentSettings {
  if (!SEGMENT_KEY.test(input.key)) {
    throw badInput('key', 'must be 2 to 30 characters of a-z, 0-9 and -');
  }
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100) {
    throw badInput('name', 'must be 1 to 100 characters');
  }
  const hours = input.firstResponseHours;
  if (!Number.isInteger(hours) || hours < 1 || hours > 720) {
    throw badInput('firstResponseHours', 'must be 1 to 720');
  }
  const weight = input.ideaVoteWeight ?? 1;
  if (!Number.isInteger(weight) || weight < 1 || weight > 100) {
    throw badInput('ideaVoteWeight', 'must be 1 to 100');
  }
  return {
    key: input.key,
    name,
    firstResponseHours: hours,
    dedicatedRepEnabled: input.dedicatedRepEnabled ?? false,
    ideaVoteWeight: weight,
  };
}

/** Staff and product managers read the segments (PRODUCT_MANAGER weighs ideas by them). */
export const SEGMENT_READERS: readonly Role[] = [...STAFF_ROLES, Role.PRODUCT_MANAGER];

export function mayReadSegments(viewer: Viewer | null): boolean {
  return viewer !== null && hasRole(viewer, SEGMENT_READERS);
}

/** A member's segment and rep are theirs and staff's to see; everyone else gets null. */
export function maySeeCareOf(viewer: Viewer | null, userId: string): boolean {
  return viewer !== null && (viewer.id === userId || hasRole(viewer, STAFF_ROLES));
}

/** Who can be a dedicated rep: staff acting for the company. */
export function mayBeRep(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}
