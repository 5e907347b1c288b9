import { AccountStatus, AppConfig, OutboxService, Role, Transactions, Tx, Viewer } from '@app/core';
import { PostsService, SolutionsService, ThreadsService } from '@app/forum';
import { UsersService } from '@app/identity';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { CARE_EVENTS } from '../care.events';
import { MemberCareProfile, SegmentsService } from '../segments';
import { CaseOrigin, CasePriority, CaseStatus } from './care.enums';
import { CareCaseEntity } from './care-case.entity';
import { CaseMessageEntity } from './case-message.entity';
import { CaseMessagesRepository } from './case-messages.repository';
import { CaseChange, CasesRepository, NewCase } from './cases.repository';
import { CasesService } from './cases.service';

const HOUR = 3_600_000;

const viewer = (role = Role.MEMBER): Viewer => ({
  id: randomUUID(),
  handle: 'h',
  role,
  status: AccountStatus.ACTIVE,
  sessionId: 's',
});

/** Cases and messages in memory, with the one-unresolved-case-per-thread index. */
class FakeCases {
  rows = new Map<string, CareCaseEntity>();
  messages: CaseMessageEntity[] = [];
  private number = 0;
  readonly openThreadIndex = 'care_cases_open_thread_idx';

  byId = jest.fn(async (id: string) => this.copy(id));
  lockById = jest.fn(async (id: string) => this.copy(id));
  lockMember = jest.fn(async () => undefined);
  unresolvedCountOf = jest.fn(
    async (memberId: string) =>
      [...this.rows.values()].filter(
        (row) => row.memberId === memberId && row.status !== CaseStatus.RESOLVED,
      ).length,
  );
  autoEscalated = jest.fn(async (threadId: string) =>
    [...this.rows.values()].some(
      (row) => row.threadId === threadId && row.origin === CaseOrigin.AUTO_ESCALATED,
    ),
  );
  insert = jest.fn(async (row: NewCase) => {
    this.checkThread(row.threadId, row.id, row.status);
    this.rows.set(row.id, { ...row, number: ++this.number });
    return this.number;
  });
  update = jest.fn(async (id: string, change: CaseChange) => {
    const row = this.row(id);
    this.checkThread(row.threadId, id, change.status ?? row.status);
    Object.assign(row, change);
  });
  returnToInbox = jest.fn(async (id: string, now: Date) => {
    const row = this.row(id);
    if (!row.repFallbackAt || row.firstRespondedAt || row.status === CaseStatus.RESOLVED) {
      return false;
    }
    Object.assign(row, { assigneeId: null, repFallbackAt: null, updatedAt: now });
    return true;
  });
  insertMessage = jest.fn(async (message: CaseMessageEntity) => {
    this.messages.push(message);
  });

  row(id: string): CareCaseEntity {
    const row = this.rows.get(id);
    if (!row) throw new Error(`no case ${id}`);
    return row;
  }

  private copy(id: string): CareCaseEntity | null {
    const row = this.rows.get(id);
    return row ? { ...row } : null;
  }

  private checkThread(threadId: string | null, id: string, status: CaseStatus): void {
    if (!threadId || status === CaseStatus.RESOLVED) return;
    const taken = [...this.rows.values()].some(
      (row) => row.id !== id && row.threadId === threadId && row.status !== CaseStatus.RESOLVED,
    );
    if (taken) {
      throw new QueryFailedError('INSERT', [], {
        code: '23505',
        constraint: this.openThreadIndex,
      } as never);
    }
  }
}

function setup(profile: Partial<MemberCareProfile> = {}) {
  const cases = new FakeCases();
  const events: Array<{ type: string; payload: Record<string, unknown> }> = [];
  const transactions = { run: (work: (tx: Tx) => Promise<unknown>) => work({} as Tx) };
  const outbox = {
    record: jest.fn(async (_tx: Tx, type: string, payload: Record<string, unknown>) => {
      events.push({ type, payload });
    }),
  };
  const segments = {
    profileOf: jest.fn(
      async (): Promise<MemberCareProfile> => ({
        segmentId: null,
        firstResponseHours: null,
        dedicatedRepEnabled: false,
        ideaVoteWeight: 1,
        dedicatedRepId: null,
        ...profile,
      }),
    ),
  };
  const threads = new Map<
    string,
    { id: string; authorId: string; title: string; contentStatus: string }
  >();
  const threadsService = {
    getById: jest.fn(async (id: string) => {
      const thread = threads.get(id);
      if (!thread)
        throw new GraphQLError('Thread was not found', { extensions: { code: 'NOT_FOUND' } });
      return thread;
    }),
  };
  const posts = {
    postOfficialAnswer: jest.fn(
      async (_tx: Tx, _author: Viewer, threadId: string, body: string) => ({
        id: randomUUID(),
        threadId,
        body,
      }),
    ),
  };
  const solutions = { acceptInTransaction: jest.fn(async () => undefined) };
  const users = new Map<string, { id: string; role: Role; status: AccountStatus }>();
  const usersService = { findById: jest.fn(async (id: string) => users.get(id) ?? null) };
  const config = { careFirstResponseHours: 24 } as AppConfig;
  const messages = { insert: cases.insertMessage };
  const service = new CasesService(
    transactions as unknown as Transactions,
    outbox as unknown as OutboxService,
    cases as unknown as CasesRepository,
    messages as unknown as CaseMessagesRepository,
    segments as unknown as SegmentsService,
    threadsService as unknown as ThreadsService,
    posts as unknown as PostsService,
    solutions as unknown as SolutionsService,
    usersService as unknown as UsersService,
    config,
  );
  const thread = (authorId: string) => {
    const id = randomUUID();
    threads.set(id, {
      id,
      authorId,
      title: 'My line is broken since Monday',
      contentStatus: 'PUBLISHED',
    });
    return id;
  };
  const staff = (role = Role.AGENT): Viewer => {
    const v = viewer(role);
    users.set(v.id, { id: v.id, role, status: AccountStatus.ACTIVE });
    return v;
  };
  return { service, cases, events, posts, solutions, thread, staff, users };
}

const caseInput = { subject: 'My bill is wrong', body: 'I was charged twice.' };

async function refusal(promise: Promise<unknown>): Promise<{ code: unknown; field?: unknown }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const { code, field } = (error as GraphQLError).extensions;
    return field === undefined ? { code } : { code, field };
  }
  throw new Error('expected a refusal');
}

describe('CasesService.open', () => {
  it('opens a DIRECT case with the body as its first message and records caseOpened', async () => {
    const { service, cases, events } = setup();
    const member = viewer();
    const careCase = await service.open(member, caseInput);
    expect(careCase).toMatchObject({
      memberId: member.id,
      status: CaseStatus.OPEN,
      priority: CasePriority.NORMAL,
      origin: CaseOrigin.DIRECT,
      assigneeId: null,
      repFallbackAt: null,
    });
    expect(cases.messages).toMatchObject([
      { authorId: member.id, body: caseInput.body, internal: false },
    ]);
    expect(events).toEqual([
      {
        type: CARE_EVENTS.caseOpened,
        payload: expect.objectContaining({
          caseId: careCase.id,
          memberId: member.id,
          assigneeId: null,
        }),
      },
    ]);
  });

  it('refuses a short subject, a blank body and URGENT from a member, writing nothing', async () => {
    const { service, cases, events } = setup();
    const member = viewer();
    await expect(
      refusal(service.open(member, { ...caseInput, subject: 'short' })),
    ).resolves.toEqual({
      code: 'BAD_USER_INPUT',
      field: 'subject',
    });
    await expect(refusal(service.open(member, { ...caseInput, body: ' ' }))).resolves.toEqual({
      code: 'BAD_USER_INPUT',
      field: 'body',
    });
    await expect(
      refusal(service.open(member, { ...caseInput, priority: CasePriority.URGENT })),
    ).resolves.toEqual({ code: 'BAD_USER_INPUT', field: 'priority' });
    expect(cases.rows.size).toBe(0);
    expect(events).toEqual([]);
  });

  it('lets staff open an URGENT case', async () => {
    const { service, staff } = setup();
    const careCase = await service.open(staff(), { ...caseInput, priority: CasePriority.URGENT });
    expect(careCase.priority).toBe(CasePriority.URGENT);
    expect(careCase.priorityRank).toBe(0);
  });

  it('refuses a sixth unresolved case, but not once one is resolved', async () => {
    const { service, cases } = setup();
    const member = viewer();
    const opened = [];
    for (let i = 0; i < 5; i++) opened.push(await service.open(member, caseInput));
    await expect(refusal(service.open(member, caseInput))).resolves.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(cases.rows.size).toBe(5);
    cases.row(opened[0].id).status = CaseStatus.RESOLVED;
    await expect(service.open(member, caseInput)).resolves.toMatchObject({
      status: CaseStatus.OPEN,
    });
  });

  it("escalates the viewer's own thread (ESCALATED) and refuses another's (FORBIDDEN)", async () => {
    const { service, thread, cases } = setup();
    const member = viewer();
    const own = thread(member.id);
    await expect(service.open(member, { ...caseInput, threadId: own })).resolves.toMatchObject({
      origin: CaseOrigin.ESCALATED,
      threadId: own,
    });
    const theirs = thread(randomUUID());
    await expect(
      refusal(service.open(member, { ...caseInput, threadId: theirs })),
    ).resolves.toEqual({
      code: 'FORBIDDEN',
    });
    expect(cases.rows.size).toBe(1);
  });

  it("refuses a thread's second unresolved case with CONFLICT", async () => {
    const { service, thread } = setup();
    const member = viewer();
    const own = thread(member.id);
    await service.open(member, { ...caseInput, threadId: own });
    await expect(refusal(service.open(member, { ...caseInput, threadId: own }))).resolves.toEqual({
      code: 'CONFLICT',
    });
  });

  it("takes the due time from the member's segment, else from CARE_FIRST_RESPONSE_HOURS", async () => {
    const withSegment = setup({ segmentId: randomUUID(), firstResponseHours: 4 });
    const a = await withSegment.service.open(viewer(), caseInput);
    expect(a.firstResponseDueAt.getTime() - a.createdAt.getTime()).toBe(4 * HOUR);
    const without = setup();
    const b = await without.service.open(viewer(), caseInput);
    expect(b.firstResponseDueAt.getTime() - b.createdAt.getTime()).toBe(24 * HOUR);
  });

  it('routes the case of a member with a dedicated rep to the rep, falling back at half the time', async () => {
    const rep = randomUUID();
    const { service, events } = setup({
      segmentId: randomUUID(),
      firstResponseHours: 8,
      dedicatedRepEnabled: true,
      dedicatedRepId: rep,
    });
    const careCase = await service.open(viewer(), caseInput);
    expect(careCase.assigneeId).toBe(rep);
    expect((careCase.repFallbackAt as Date).getTime() - careCase.createdAt.getTime()).toBe(
      4 * HOUR,
    );
    expect(events[0]).toMatchObject({ type: CARE_EVENTS.caseOpened, payload: { assigneeId: rep } });
  });
  it("keeps a rep out of it once the member's segment no longer offers dedicated reps", async () => {
    const { service } = setup({ dedicatedRepEnabled: false, dedicatedRepId: randomUUID() });
    await expect(service.open(viewer(), caseInput)).resolves.toMatchObject({
      assigneeId: null,
      repFallbackAt: null,
    });
  });
});

describe('CasesService.escalate', () => {
  it("opens a case for the thread's author, titled as the thread, the note its first internal message", async () => {
    const { service, thread, staff, cases, events } = setup();
    const author = randomUUID();
    const threadId = thread(author);
    const agent = staff();
    const careCase = await service.escalate(agent, { threadId, note: 'Needs the billing team' });
    expect(careCase).toMatchObject({
      memberId: author,
      subject: 'My line is broken since Monday',
      origin: CaseOrigin.ESCALATED,
      threadId,
    });
    expect(cases.messages).toMatchObject([
      { authorId: agent.id, body: 'Needs the billing team', internal: true },
    ]);
    expect(events[0].payload).toMatchObject({ escalatedById: agent.id, memberId: author });
  });

  it('is for staff only, and refuses a blank note', async () => {
    const { service, thread, staff } = setup();
    const threadId = thread(randomUUID());
    await expect(refusal(service.escalate(viewer(), { threadId, note: 'x' }))).resolves.toEqual({
      code: 'FORBIDDEN',
    });
    await expect(refusal(service.escalate(staff(), { threadId, note: '  ' }))).resolves.toEqual({
      code: 'BAD_USER_INPUT',
      field: 'note',
    });
  });
});

describe('CasesService.openAutoEscalated', () => {
  it('escalates once: null when the thread has an unresolved case or was auto-escalated before', async () => {
    const { service, cases } = setup();
    const thread = { id: randomUUID(), authorId: randomUUID(), title: 'Nobody answers me here' };
    const now = new Date('2026-03-01T00:00:00Z');
    const id = (await service.openAutoEscalated(thread, now)) as string;
    expect(cases.rows.get(id)).toMatchObject({
      origin: CaseOrigin.AUTO_ESCALATED,
      memberId: thread.authorId,
      createdAt: now,
    });
    await expect(service.openAutoEscalated(thread, now)).resolves.toBeNull();
    cases.row(id).status = CaseStatus.RESOLVED;
    await expect(service.openAutoEscalated(thread, now)).resolves.toBeNull();
  });

  it('leaves a thread escalated by its asker alone', async () => {
    const { service, thread } = setup();
    const member = viewer();
    const threadId = thread(member.id);
    await service.open(member, { ...caseInput, threadId });
    await expect(
      service.openAutoEscalated(
        { id: threadId, authorId: member.id, title: 'x'.repeat(10) },
        new Date(),
      ),
    ).resolves.toBeNull();
  });
});

describe('CasesService.reply', () => {
  it("moves the case on: staff's reply waits on the member and is the first response, the member's reopens it", async () => {
    const { service, cases, staff, events } = setup();
    const member = viewer();
    const careCase = await service.open(member, caseInput);
    const agent = staff();
    await service.reply(agent, { caseId: careCase.id, body: 'Looking into it' });
    const answered = cases.row(careCase.id);
    expect(answered.status).toBe(CaseStatus.WAITING_ON_MEMBER);
    const first = answered.firstRespondedAt;
    expect(first).not.toBeNull();
    await service.reply(member, { caseId: careCase.id, body: 'Thanks' });
    expect(cases.row(careCase.id).status).toBe(CaseStatus.OPEN);
    await service.reply(agent, { caseId: careCase.id, body: 'Done' });
    expect(cases.row(careCase.id).firstRespondedAt).toBe(first);
    expect(events.filter((e) => e.type === CARE_EVENTS.caseMessagePosted)).toHaveLength(3);
    expect(events[1].payload).toMatchObject({ byStaff: true, internal: false, authorId: agent.id });
  });

  it('keeps an internal note from changing the status or counting as the first response', async () => {
    const { service, cases, staff } = setup();
    const careCase = await service.open(viewer(), caseInput);
    const message = await service.reply(staff(), {
      caseId: careCase.id,
      body: 'Note',
      internal: true,
    });
    expect(message.internal).toBe(true);
    expect(cases.rows.get(careCase.id)).toMatchObject({
      status: CaseStatus.OPEN,
      firstRespondedAt: null,
    });
  });

  it('clears the rep fallback once staff answer', async () => {
    const rep = randomUUID();
    const { service, cases, staff } = setup({ dedicatedRepId: rep, dedicatedRepEnabled: true });
    const careCase = await service.open(viewer(), caseInput);
    await service.reply(staff(), { caseId: careCase.id, body: 'Hello' });
    expect(cases.row(careCase.id).repFallbackAt).toBeNull();
  });

  it("refuses another member (NOT_FOUND), a member's internal note (FORBIDDEN), a resolved case (BAD_USER_INPUT)", async () => {
    const { service, cases } = setup();
    const member = viewer();
    const careCase = await service.open(member, caseInput);
    await expect(
      refusal(service.reply(viewer(), { caseId: careCase.id, body: 'hi' })),
    ).resolves.toEqual({
      code: 'NOT_FOUND',
    });
    await expect(
      refusal(service.reply(member, { caseId: careCase.id, body: 'hi', internal: true })),
    ).resolves.toEqual({ code: 'FORBIDDEN' });
    cases.row(careCase.id).status = CaseStatus.RESOLVED;
    await expect(
      refusal(service.reply(member, { caseId: careCase.id, body: 'hi' })),
    ).resolves.toEqual({
      code: 'BAD_USER_INPUT',
      field: 'caseId',
    });
    expect(cases.messages).toHaveLength(1);
  });
});

describe('CasesService.assign', () => {
  it('takes a case without agentId, and gives it to another agent with one', async () => {
    const { service, staff, events } = setup();
    const careCase = await service.open(viewer(), caseInput);
    const agent = staff();
    await expect(service.assign(agent, careCase.id, null)).resolves.toMatchObject({
      assigneeId: agent.id,
    });
    const other = staff(Role.MODERATOR);
    await expect(service.assign(agent, careCase.id, other.id)).resolves.toMatchObject({
      assigneeId: other.id,
    });
    expect(events.filter((e) => e.type === CARE_EVENTS.caseAssigned).map((e) => e.payload)).toEqual(
      [
        expect.objectContaining({ assigneeId: agent.id, byId: agent.id }),
        expect.objectContaining({ assigneeId: other.id, byId: agent.id }),
      ],
    );
  });

  it('tells an agent taking a case another agent holds CONFLICT; taking it again is a no-op', async () => {
    const { service, staff, events } = setup();
    const careCase = await service.open(viewer(), caseInput);
    const first = staff();
    await service.assign(first, careCase.id, null);
    await expect(refusal(service.assign(staff(), careCase.id, null))).resolves.toEqual({
      code: 'CONFLICT',
    });
    await expect(service.assign(first, careCase.id, null)).resolves.toMatchObject({
      assigneeId: first.id,
    });
    expect(events.filter((e) => e.type === CARE_EVENTS.caseAssigned)).toHaveLength(1);
  });

  it('refuses an assignee who is not staff or is suspended (BAD_USER_INPUT), and members (FORBIDDEN)', async () => {
    const { service, staff, users } = setup();
    const careCase = await service.open(viewer(), caseInput);
    const member = viewer();
    users.set(member.id, { id: member.id, role: Role.MEMBER, status: AccountStatus.ACTIVE });
    await expect(refusal(service.assign(staff(), careCase.id, member.id))).resolves.toEqual({
      code: 'BAD_USER_INPUT',
      field: 'agentId',
    });
    const suspended = staff();
    users.set(suspended.id, {
      id: suspended.id,
      role: Role.AGENT,
      status: AccountStatus.SUSPENDED,
    });
    await expect(refusal(service.assign(staff(), careCase.id, suspended.id))).resolves.toEqual({
      code: 'BAD_USER_INPUT',
      field: 'agentId',
    });
    await expect(refusal(service.assign(member, careCase.id, null))).resolves.toEqual({
      code: 'FORBIDDEN',
    });
  });
});

describe('CasesService.resolve', () => {
  it('resolves with the note and records caseResolved', async () => {
    const { service, staff, events, posts } = setup();
    const careCase = await service.open(viewer(), caseInput);
    const agent = staff();
    const resolved = await service.resolve(agent, { caseId: careCase.id, note: 'Refunded' });
    expect(resolved).toMatchObject({ status: CaseStatus.RESOLVED, resolutionNote: 'Refunded' });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(posts.postOfficialAnswer).not.toHaveBeenCalled();
    expect(events.at(-1)).toMatchObject({
      type: CARE_EVENTS.caseResolved,
      payload: { resolvedById: agent.id, publicAnswerId: null },
    });
  });

  it('posts the official answer on the thread and accepts it, in the same transaction', async () => {
    const { service, staff, thread, posts, solutions } = setup();
    const member = viewer();
    const threadId = thread(member.id);
    const careCase = await service.open(member, { ...caseInput, threadId });
    const agent = staff();
    const resolved = await service.resolve(agent, {
      caseId: careCase.id,
      note: 'Fixed',
      publicAnswer: 'Reset the router',
      acceptAsSolution: true,
    });
    expect(posts.postOfficialAnswer).toHaveBeenCalledWith(
      expect.anything(),
      agent,
      threadId,
      'Reset the router',
    );
    const postId = resolved.publicAnswerId;
    expect(postId).not.toBeNull();
    expect(solutions.acceptInTransaction).toHaveBeenCalledWith(expect.anything(), agent, postId);
  });

  it('refuses publicAnswer on a case without a thread, posting nothing', async () => {
    const { service, staff, posts, cases } = setup();
    const careCase = await service.open(viewer(), caseInput);
    await expect(
      refusal(service.resolve(staff(), { caseId: careCase.id, note: 'x', publicAnswer: 'y' })),
    ).resolves.toEqual({ code: 'BAD_USER_INPUT', field: 'publicAnswer' });
    expect(posts.postOfficialAnswer).not.toHaveBeenCalled();
    expect(cases.row(careCase.id).status).toBe(CaseStatus.OPEN);
  });

  it('refuses resolving a resolved case (CONFLICT) and members (FORBIDDEN)', async () => {
    const { service, staff } = setup();
    const member = viewer();
    const careCase = await service.open(member, caseInput);
    await expect(
      refusal(service.resolve(member, { caseId: careCase.id, note: 'x' })),
    ).resolves.toEqual({
      code: 'FORBIDDEN',
    });
    await service.resolve(staff(), { caseId: careCase.id, note: 'x' });
    await expect(
      refusal(service.resolve(staff(), { caseId: careCase.id, note: 'x' })),
    ).resolves.toEqual({
      code: 'CONFLICT',
    });
  });
});

describe('CasesService.reopen', () => {
  it('adds the body and moves the case back to OPEN within 14 days', async () => {
    const { service, staff, cases, events } = setup();
    const member = viewer();
    const careCase = await service.open(member, caseInput);
    await service.resolve(staff(), { caseId: careCase.id, note: 'x' });
    const reopened = await service.reopen(member, careCase.id, 'Still broken');
    expect(reopened).toMatchObject({ status: CaseStatus.OPEN, resolvedAt: null });
    expect(cases.messages.at(-1)).toMatchObject({ body: 'Still broken', authorId: member.id });
    expect(events.map((e) => e.type)).toContain(CARE_EVENTS.caseReopened);
  });

  it('refuses after 14 days, an unresolved case, another member and staff', async () => {
    const { service, staff, cases } = setup();
    const member = viewer();
    const careCase = await service.open(member, caseInput);
    await expect(refusal(service.reopen(member, careCase.id, 'again'))).resolves.toEqual({
      code: 'BAD_USER_INPUT',
      field: 'caseId',
    });
    await service.resolve(staff(), { caseId: careCase.id, note: 'x' });
    await expect(refusal(service.reopen(viewer(), careCase.id, 'again'))).resolves.toEqual({
      code: 'NOT_FOUND',
    });
    await expect(refusal(service.reopen(staff(), careCase.id, 'again'))).resolves.toEqual({
      code: 'FORBIDDEN',
    });
    cases.row(careCase.id).resolvedAt = new Date(Date.now() - 15 * 24 * HOUR);
    await expect(refusal(service.reopen(member, careCase.id, 'again'))).resolves.toEqual({
      code: 'BAD_USER_INPUT',
      field: 'caseId',
    });
    expect(cases.row(careCase.id).status).toBe(CaseStatus.RESOLVED);
  });
});

describe('CasesService.returnToInbox', () => {
  it('unassigns a case still waiting for its rep, once', async () => {
    const rep = randomUUID();
    const { service, cases, events } = setup({ dedicatedRepId: rep, dedicatedRepEnabled: true });
    const careCase = await service.open(viewer(), caseInput);
    await expect(service.returnToInbox(careCase.id)).resolves.toBe(true);
    expect(cases.rows.get(careCase.id)).toMatchObject({ assigneeId: null, repFallbackAt: null });
    expect(events.at(-1)).toMatchObject({
      type: CARE_EVENTS.caseAssigned,
      payload: { assigneeId: null, byId: null },
    });
    await expect(service.returnToInbox(careCase.id)).resolves.toBe(false);
    await expect(service.returnToInbox(randomUUID())).resolves.toBe(false);
  });
});
