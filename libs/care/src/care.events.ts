import { CaseOrigin } from './cases/care.enums';

// The events of care, recorded in the transaction of the change. Notifications and the live
// feeds (caseActivity, careInboxChanged) react to them in the worker; none carries the text of
// a message, so an internal note's words never travel beyond care.

export const CARE_EVENTS = {
  /** A case was opened: by its member, by staff escalating a thread, or by the platform. */
  caseOpened: 'care.case-opened',
  /** A message was added to a case (a reply, an internal note, a reopening's body). */
  caseMessagePosted: 'care.case-message-posted',
  /** A case was given to an agent, or returned to the shared inbox (assigneeId null). */
  caseAssigned: 'care.case-assigned',
  caseResolved: 'care.case-resolved',
  caseReopened: 'care.case-reopened',
  /** A member's segment changed: their idea votes must be weighed again. */
  memberSegmentChanged: 'care.member-segment-changed',
} as const;

export interface CaseOpenedEvent {
  caseId: string;
  caseNumber: number;
  memberId: string;
  origin: CaseOrigin;
  threadId: string | null;
  /** The dedicated rep it went to at once, if any. */
  assigneeId: string | null;
  /** Staff who escalated the thread; null when the member opened it or the platform did. */
  escalatedById: string | null;
}

export interface CaseMessagePostedEvent {
  caseId: string;
  caseNumber: number;
  messageId: string;
  authorId: string;
  memberId: string;
  assigneeId: string | null;
  internal: boolean;
  /** Written by staff (an agent's reply or note), not by the case's member. */
  byStaff: boolean;
}

export interface CaseAssignedEvent {
  caseId: string;
  caseNumber: number;
  /** Null: back to the shared inbox. */
  assigneeId: string | null;
  /** Who assigned it; null when the platform did (routing, the rep fallback). */
  byId: string | null;
}

export interface CaseResolvedEvent {
  caseId: string;
  caseNumber: number;
  memberId: string;
  resolvedById: string;
  publicAnswerId: string | null;
}

export interface CaseReopenedEvent {
  caseId: string;
  caseNumber: number;
  memberId: string;
  assigneeId: string | null;
}

export interface MemberSegmentChangedEvent {
  memberId: string;
  segmentId: string | null;
}

declare module '@app/core' {
  interface DomainEventMap {
    [CARE_EVENTS.caseOpened]: CaseOpenedEvent;
    [CARE_EVENTS.caseMessagePosted]: CaseMessagePostedEvent;
    [CARE_EVENTS.caseAssigned]: CaseAssignedEvent;
    [CARE_EVENTS.caseResolved]: CaseResolvedEvent;
    [CARE_EVENTS.caseReopened]: CaseReopenedEvent;
    [CARE_EVENTS.memberSegmentChanged]: MemberSegmentChangedEvent;
  }
}
