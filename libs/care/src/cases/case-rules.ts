import { badInput, Role, STAFF_ROLES, Viewer } from '@app/core';
import { CasePriority, CaseStatus } from './care.enums';
import { CareCaseEntity } from './care-case.entity';

/** A member may hold this many unresolved cases at once. */
export const MAX_UNRESOLVED_CASES = 5;
/** A resolved case may be reopened by its member for this long. */
export const REOPEN_WINDOW_DAYS = 14;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const SUBJECT_LENGTH = { min: 8, max: 200 } as const;
export const BODY_LENGTH = { min: 1, max: 20_000 } as const;

/** Staff read every case and work the inbox: agents, moderators, admins. */
export function isStaff(viewer: Pick<Viewer, 'role'> | null): boolean {
  return viewer !== null && STAFF_ROLES.includes(viewer.role);
}

/** A case is seen by its member and by staff; by nobody else, not even as existing. */
export function canSeeCase(
  careCase: Pick<CareCaseEntity, 'memberId'> | null,
  viewer: Viewer | null,
): boolean {
  return (
    careCase !== null && viewer !== null && (isStaff(viewer) || careCase.memberId === viewer.id)
  );
}

/** Internal notes are for staff alone. */
export function canSeeMessage(internal: boolean, viewer: Viewer | null): boolean {
  return !internal || isStaff(viewer);
}

/** A case's subject: 8–200 characters once trimmed. */
export function checkSubject(subject: string): string {
  const trimmed = subject.trim();
  if (trimmed.length < SUBJECT_LENGTH.min || trimmed.length > SUBJECT_LENGTH.max) {
    throw badInput('subject', `must be ${SUBJECT_LENGTH.min} to ${SUBJECT_LENGTH.max} characters`);
  }
  return trimmed;
}

/** A message's body: 1–20,000 characters, not blank. */
export function checkBody(body: string, field = 'body'): string {
  if (!body.trim() || body.length > BODY_LENGTH.max) {
    throw badInput(field, `must be ${BODY_LENGTH.min} to ${BODY_LENGTH.max} characters`);
  }
  return body;
}

/** URGENT is for staff to set; a member asking for it is refused. */
export function checkPriority(priority: CasePriority, viewer: Viewer): CasePriority {
  if (priority === CasePriority.URGENT && !isStaff(viewer)) {
    throw badInput('priority', 'URGENT is for staff');
  }
  return priority;
}

/** Creation plus the segment's first-response hours, or the platform's default without one. */
export function firstResponseDueAt(
  createdAt: Date,
  segmentHours: number | null,
  defaultHours: number,
): Date {
  return new Date(createdAt.getTime() + (segmentHours ?? defaultHours) * HOUR_MS);
}

/** When a case routed to a dedicated rep returns to the shared inbox: half the first-response time. */
export function repFallbackAt(createdAt: Date, dueAt: Date): Date {
  return new Date(createdAt.getTime() + (dueAt.getTime() - createdAt.getTime()) / 2);
}

/** No agent answered by the due time (answered late, or not yet and the time has passed). */
export function slaBreached(
  careCase: Pick<CareCaseEntity, 'firstResponseDueAt' | 'firstRespondedAt'>,
  now: Date,
): boolean {
  const answeredOrNow = careCase.firstRespondedAt ?? now;
  return answeredOrNow.getTime() > careCase.firstResponseDueAt.getTime();
}

/**
 * The status after a reply: a non-internal staff reply waits on the member, a member's reply
 * waits on an agent, an internal note changes nothing.
 */
export function statusAfterReply(
  current: CaseStatus,
  byStaff: boolean,
  internal: boolean,
): CaseStatus {
  if (internal) return current;
  return byStaff ? CaseStatus.WAITING_ON_MEMBER : CaseStatus.OPEN;
}

/** Whether a case resolved at `resolvedAt` may still be reopened at `now`. */
export function withinReopenWindow(resolvedAt: Date | null, now: Date): boolean {
  return resolvedAt !== null && now.getTime() - resolvedAt.getTime() <= REOPEN_WINDOW_DAYS * DAY_MS;
}

/** Roles that may be given a case. */
export function isStaffRole(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}
