import { CaseOrigin } from '@app/care';
import { DomainEventHandlers, RecordedEvent } from '@app/core';
import { ThreadEntity, ThreadsService } from '@app/forum';
import { UserEntity, UsersService } from '@app/identity';
import { CareNotificationsHandler } from './care-notifications.handler';
import { NotificationKind } from './notification-kind';
import { NotificationDraft } from './notifications.repository';
import { Notifier } from './notifier';

const MEMBER = 'a0000000-0000-4000-8000-000000000000';
const AGENT = 'b0000000-0000-4000-8000-000000000000';
const REP = 'c0000000-0000-4000-8000-000000000000';
const CASE = 'd0000000-0000-4000-8000-000000000000';
const THREAD = 'e0000000-0000-4000-8000-000000000000';
const MESSAGE = 'f0000000-0000-4000-8000-000000000000';

const HANDLES: Record<string, string> = { [MEMBER]: 'ada', [AGENT]: 'agent', [REP]: 'rep' };

interface Told {
  to: readonly string[];
  draft: NotificationDraft;
  path: string | undefined;
}

function handler() {
  const handlers = new DomainEventHandlers();
  const told: Told[] = [];
  const notifier = {
    notify: jest.fn(async (to: readonly string[], draft: NotificationDraft, path?: string) => {
      told.push({ to, draft, path });
    }),
  };
  const users = {
    findById: jest.fn(async (id: string) =>
      HANDLES[id] ? ({ id, handle: HANDLES[id] } as UserEntity) : null,
    ),
  };
  const threads = {
    getById: jest.fn(async (id: string) => ({ id, title: 'Roaming in France' }) as ThreadEntity),
  };
  new CareNotificationsHandler(
    handlers,
    notifier as unknown as Notifier,
    users as unknown as UsersService,
    threads as unknown as ThreadsService,
  ).onModuleInit();
  const dispatch = (type: string, payload: unknown) =>
    handlers.dispatch({
      id: '42',
      type,
      payload,
      occurredAt: new Date().toISOString(),
    } as RecordedEvent);
  return { dispatch, told };
}

const message = (over: object) => ({
  caseId: CASE,
  caseNumber: 12,
  messageId: MESSAGE,
  authorId: AGENT,
  memberId: MEMBER,
  assigneeId: AGENT,
  internal: false,
  byStaff: true,
  ...over,
});

const opened = (over: object) => ({
  caseId: CASE,
  caseNumber: 12,
  memberId: MEMBER,
  origin: CaseOrigin.DIRECT,
  threadId: null,
  assigneeId: null,
  escalatedById: null,
  ...over,
});

describe('care notifications', () => {
  it("tells the member of staff's reply, about the case and linking to its page", async () => {
    const { dispatch, told } = handler();
    await dispatch('care.case-message-posted', message({}));
    expect(told).toEqual([
      {
        to: [MEMBER],
        draft: {
          kind: NotificationKind.CASE_REPLY,
          message: '@agent replied to your case #12',
          subjectType: 'CareCase',
          subjectId: CASE,
          actorId: AGENT,
          eventId: '42',
        },
        path: '/cases/12',
      },
    ]);
  });

  it("tells the assignee of the member's reply", async () => {
    const { dispatch, told } = handler();
    await dispatch(
      'care.case-message-posted',
      message({ authorId: MEMBER, byStaff: false, assigneeId: REP }),
    );
    expect(told.map(({ to, draft }) => [to, draft.kind, draft.message])).toEqual([
      [[REP], NotificationKind.CASE_REPLY, '@ada replied on case #12'],
    ]);
  });

  it("tells nobody of a member's reply on an unassigned case", async () => {
    const { dispatch, told } = handler();
    await dispatch(
      'care.case-message-posted',
      message({ authorId: MEMBER, byStaff: false, assigneeId: null }),
    );
    expect(told).toEqual([]);
  });

  it('tells nobody of an internal note, neither the member nor the assignee', async () => {
    const { dispatch, told } = handler();
    await dispatch('care.case-message-posted', message({ internal: true }));
    await dispatch(
      'care.case-message-posted',
      message({ internal: true, authorId: REP, assigneeId: AGENT }),
    );
    expect(told).toEqual([]);
  });

  it('tells the member that their case was resolved', async () => {
    const { dispatch, told } = handler();
    await dispatch('care.case-resolved', {
      caseId: CASE,
      caseNumber: 12,
      memberId: MEMBER,
      resolvedById: AGENT,
      publicAnswerId: null,
    });
    expect(told.map(({ to, draft, path }) => [to, draft.kind, draft.message, path])).toEqual([
      [[MEMBER], NotificationKind.CASE_RESOLVED, 'Your case #12 was resolved', '/cases/12'],
    ]);
  });

  it('tells the new assignee, but not an agent who takes the case, nor the inbox on a return', async () => {
    const { dispatch, told } = handler();
    const assigned = { caseId: CASE, caseNumber: 12 };
    await dispatch('care.case-assigned', { ...assigned, assigneeId: REP, byId: AGENT });
    await dispatch('care.case-assigned', { ...assigned, assigneeId: AGENT, byId: AGENT });
    await dispatch('care.case-assigned', { ...assigned, assigneeId: null, byId: null });
    expect(told.map(({ to, draft }) => [to, draft.kind, draft.message, draft.actorId])).toEqual([
      [[REP], NotificationKind.CASE_ASSIGNED, '@agent assigned case #12 to you', AGENT],
    ]);
  });

  it('tells the dedicated rep that routing gave them a new case', async () => {
    const { dispatch, told } = handler();
    await dispatch('care.case-opened', opened({ assigneeId: REP }));
    expect(told.map(({ to, draft, path }) => [to, draft.kind, draft.message, path])).toEqual([
      [[REP], NotificationKind.CASE_ASSIGNED, 'Case #12 was assigned to you', '/cases/12'],
    ]);
  });

  it("tells the thread's author when staff or the platform escalate it", async () => {
    const { dispatch, told } = handler();
    await dispatch(
      'care.case-opened',
      opened({ origin: CaseOrigin.ESCALATED, threadId: THREAD, escalatedById: AGENT }),
    );
    await dispatch(
      'care.case-opened',
      opened({ origin: CaseOrigin.AUTO_ESCALATED, threadId: THREAD }),
    );
    const escalated = {
      kind: NotificationKind.THREAD_ESCALATED,
      message: 'Your question “Roaming in France” went to our care team as case #12',
      subjectType: 'CareCase',
      subjectId: CASE,
      eventId: '42',
    };
    expect(told).toEqual([
      { to: [MEMBER], draft: { ...escalated, actorId: AGENT }, path: '/cases/12' },
      { to: [MEMBER], draft: { ...escalated, actorId: null }, path: '/cases/12' },
    ]);
  });

  it('tells nobody when members open a case, escalating their own thread or not', async () => {
    const { dispatch, told } = handler();
    await dispatch('care.case-opened', opened({}));
    await dispatch('care.case-opened', opened({ origin: CaseOrigin.ESCALATED, threadId: THREAD }));
    expect(told).toEqual([]);
  });

  it('fails the event (to be retried) when the replying member cannot be found', async () => {
    const { dispatch } = handler();
    await expect(
      dispatch('care.case-message-posted', message({ authorId: MESSAGE })),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});
