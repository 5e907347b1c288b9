import { AccountStatus, Role, Viewer } from '@app/core';
import { GraphQLError } from 'graphql';
import { CasePriority, CaseStatus } from './care.enums';
import {
  canSeeCase,
  canSeeMessage,
  checkBody,
  checkPriority,
  checkSubject,
  firstResponseDueAt,
  isStaff,
  isStaffRole,
  repFallbackAt,
  slaBreached,
  statusAfterReply,
  withinReopenWindow,
} from './case-rules';

const viewer = (role: Role, id = 'v1'): Viewer => ({
  id,
  handle: id,
  role,
  status: AccountStatus.ACTIVE,
  sessionId: 's',
});

function codeOf(fn: () => unknown): { code: unknown; field: unknown } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const { code, field } = (error as GraphQLError).extensions;
    return { code, field };
  }
  throw new Error('expected a refusal');
}

describe('case rules', () => {
  it('counts agents, moderators and admins as staff, no one else', () => {
    expect(isStaff(viewer(Role.AGENT))).toBe(true);
    expect(isStaff(viewer(Role.MODERATOR))).toBe(true);
    expect(isStaff(viewer(Role.ADMIN))).toBe(true);
    expect(isStaff(viewer(Role.MEMBER))).toBe(false);
    expect(isStaff(viewer(Role.PRODUCT_MANAGER))).toBe(false);
    expect(isStaff(null)).toBe(false);
    expect(isStaffRole(Role.AGENT)).toBe(true);
    expect(isStaffRole(Role.PRODUCT_MANAGER)).toBe(false);
  });

  it('shows a case to its member and staff only', () => {
    const careCase = { memberId: 'owner' };
    expect(canSeeCase(careCase, viewer(Role.MEMBER, 'owner'))).toBe(true);
    expect(canSeeCase(careCase, viewer(Role.AGENT))).toBe(true);
    expect(canSeeCase(careCase, viewer(Role.MEMBER, 'other'))).toBe(false);
    expect(canSeeCase(careCase, viewer(Role.PRODUCT_MANAGER, 'other'))).toBe(false);
    expect(canSeeCase(careCase, null)).toBe(false);
    expect(canSeeCase(null, viewer(Role.ADMIN))).toBe(false);
  });

  it('shows internal notes to staff only', () => {
    expect(canSeeMessage(true, viewer(Role.MEMBER))).toBe(false);
    expect(canSeeMessage(true, null)).toBe(false);
    expect(canSeeMessage(true, viewer(Role.AGENT))).toBe(true);
    expect(canSeeMessage(false, viewer(Role.MEMBER))).toBe(true);
  });

  it('takes subjects of 8 to 200 characters, trimmed', () => {
    expect(checkSubject('  12345678  ')).toBe('12345678');
    expect(checkSubject('x'.repeat(200))).toHaveLength(200);
    expect(codeOf(() => checkSubject('1234567'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'subject',
    });
    expect(codeOf(() => checkSubject('x'.repeat(201)))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'subject',
    });
  });

  it('takes bodies of 1 to 20,000 characters, not blank', () => {
    expect(checkBody('a')).toBe('a');
    expect(checkBody('x'.repeat(20_000))).toHaveLength(20_000);
    expect(codeOf(() => checkBody(''))).toEqual({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(codeOf(() => checkBody('   '))).toEqual({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(codeOf(() => checkBody('x'.repeat(20_001)))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'body',
    });
    expect(codeOf(() => checkBody('', 'note'))).toEqual({ code: 'BAD_USER_INPUT', field: 'note' });
  });

  it('keeps URGENT for staff', () => {
    expect(codeOf(() => checkPriority(CasePriority.URGENT, viewer(Role.MEMBER)))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'priority',
    });
    expect(checkPriority(CasePriority.URGENT, viewer(Role.AGENT))).toBe(CasePriority.URGENT);
    expect(checkPriority(CasePriority.HIGH, viewer(Role.MEMBER))).toBe(CasePriority.HIGH);
  });

  it("sets the due time from the segment's hours, or the default without a segment", () => {
    const created = new Date('2026-01-01T00:00:00Z');
    expect(firstResponseDueAt(created, 4, 24).toISOString()).toBe('2026-01-01T04:00:00.000Z');
    expect(firstResponseDueAt(created, null, 24).toISOString()).toBe('2026-01-02T00:00:00.000Z');
  });

  it('returns a rep-routed case to the inbox at half the first-response time', () => {
    const created = new Date('2026-01-01T00:00:00Z');
    const due = firstResponseDueAt(created, 4, 24);
    expect(repFallbackAt(created, due).toISOString()).toBe('2026-01-01T02:00:00.000Z');
  });

  it('is breached when nobody answered by the due time', () => {
    const due = new Date('2026-01-01T10:00:00Z');
    const before = new Date('2026-01-01T09:00:00Z');
    const after = new Date('2026-01-01T11:00:00Z');
    expect(slaBreached({ firstResponseDueAt: due, firstRespondedAt: null }, before)).toBe(false);
    expect(slaBreached({ firstResponseDueAt: due, firstRespondedAt: null }, after)).toBe(true);
    expect(slaBreached({ firstResponseDueAt: due, firstRespondedAt: before }, after)).toBe(false);
    expect(slaBreached({ firstResponseDueAt: due, firstRespondedAt: after }, after)).toBe(true);
  });

  it('moves the status on replies: staff waits on the member, the member on an agent, notes change nothing', () => {
    expect(statusAfterReply(CaseStatus.OPEN, true, false)).toBe(CaseStatus.WAITING_ON_MEMBER);
    expect(statusAfterReply(CaseStatus.WAITING_ON_MEMBER, false, false)).toBe(CaseStatus.OPEN);
    expect(statusAfterReply(CaseStatus.OPEN, true, true)).toBe(CaseStatus.OPEN);
    expect(statusAfterReply(CaseStatus.WAITING_ON_MEMBER, true, true)).toBe(
      CaseStatus.WAITING_ON_MEMBER,
    );
  });

  it('reopens within 14 days of the resolution only', () => {
    const resolved = new Date('2026-01-01T00:00:00Z');
    expect(withinReopenWindow(resolved, new Date('2026-01-15T00:00:00Z'))).toBe(true);
    expect(withinReopenWindow(resolved, new Date('2026-01-15T00:00:01Z'))).toBe(false);
    expect(withinReopenWindow(null, new Date())).toBe(false);
  });
});
