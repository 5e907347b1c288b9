import { AppError, Role, SAMPLE_PAGE, Transactions, Viewer } from '@app/core';
import { ModerationLogModule } from '@app/moderation';
import { MediumTest } from '@test/medium';
import { randomBytes, randomUUID } from 'node:crypto';
import { CaseOrigin, CasePriority, CaseStatus, PRIORITY_RANK } from './care.enums';
import { CaseMessageEntity } from './case-message.entity';
import { CaseMessagesRepository } from './case-messages.repository';
import { CasesModule } from './cases.module';
import { CasesRepository, NewCase } from './cases.repository';
import { CasesService } from './cases.service';

const HOUR = 3_600_000;
const caseInput = { subject: 'My bill is wrong', body: 'I was charged twice.' };

/** The codes of the refusals among settled calls, and how many succeeded. */
function outcomes(results: PromiseSettledResult<unknown>[]): { ok: number; codes: unknown[] } {
  return {
    ok: results.filter((r) => r.status === 'fulfilled').length,
    codes: results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => (r.reason instanceof AppError ? r.reason.extensions.code : String(r.reason))),
  };
}

describe('care cases on the database', () => {
  const medium = new MediumTest();
  let service: CasesService;
  let cases: CasesRepository;
  let messages: CaseMessagesRepository;
  let transactions: Transactions;

  beforeAll(async () => {
    await medium.start([CasesModule, ModerationLogModule], { CARE_FIRST_RESPONSE_HOURS: '24' });
    service = medium.get(CasesService);
    cases = medium.get(CasesRepository);
    messages = medium.get(CaseMessagesRepository);
    transactions = medium.get(Transactions);
  });
  afterAll(() => medium.stop());

  /** A published question straight in the database, in a board of its own. */
  const thread = async (authorId: string, status = 'OPEN'): Promise<string> => {
    const slug = `b-${randomBytes(4).toString('hex')}`;
    const [board] = await medium.sql<{ id: string }>(
      `INSERT INTO boards (id, slug, name, description, kind)
       VALUES (gen_random_uuid(), $1, $1, '', 'QUESTIONS') RETURNING id`,
      [slug],
    );
    const [row] = await medium.sql<{ id: string }>(
      `INSERT INTO threads (id, board_id, author_id, title, body, body_html, body_text, status)
       VALUES (gen_random_uuid(), $1, $2, 'Why is my bill higher?', 'Body', '<p>Body</p>', 'Body', $3)
       RETURNING id`,
      [board.id, authorId, status],
    );
    return row.id;
  };

  /** A segment with `hours`, the member in it, and optionally their dedicated rep. */
  const inSegment = async (memberId: string, hours: number, repId: string | null = null) => {
    const [segment] = await medium.sql<{ id: string }>(
      `INSERT INTO care_segments (id, key, name, first_response_hours, dedicated_rep_enabled)
       VALUES (gen_random_uuid(), $1, $1, $2, $3) RETURNING id`,
      [`s-${randomBytes(4).toString('hex')}`, hours, repId !== null],
    );
    await medium.sql(
      `INSERT INTO care_members (user_id, segment_id, dedicated_rep_id) VALUES ($1, $2, $3)`,
      [memberId, segment.id, repId],
    );
  };

  const newCase = (memberId: string, over: Partial<NewCase> = {}): NewCase => {
    const now = new Date();
    return {
      id: randomUUID(),
      subject: 'A case for the repository',
      memberId,
      status: CaseStatus.OPEN,
      priority: CasePriority.NORMAL,
      priorityRank: PRIORITY_RANK[CasePriority.NORMAL],
      origin: CaseOrigin.DIRECT,
      threadId: null,
      assigneeId: null,
      repFallbackAt: null,
      firstResponseDueAt: new Date(now.getTime() + HOUR),
      firstRespondedAt: null,
      resolvedAt: null,
      resolutionNote: null,
      publicAnswerId: null,
      createdAt: now,
      updatedAt: now,
      ...over,
    };
  };

  const events = (type: string, caseId: string) =>
    medium.sql<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM outbox WHERE type = $1 AND payload->>'caseId' = $2 ORDER BY id`,
      [type, caseId],
    );

  describe('the repositories', () => {
    it('writes and reads a case by id, in batches and locked; numbers increase', async () => {
      const memberId = await medium.member();
      const a = newCase(memberId);
      const b = newCase(memberId);
      const [na, nb] = await transactions.run(async (tx) => [
        await cases.insert(a, tx),
        await cases.insert(b, tx),
      ]);
      expect(nb).toBeGreaterThan(na);
      await expect(cases.byId(a.id)).resolves.toMatchObject({ id: a.id, number: na });
      expect((await cases.byIds([a.id, b.id, randomUUID()])).map((c) => c.id).sort()).toEqual(
        [a.id, b.id].sort(),
      );
      await transactions.run(async (tx) => {
        await expect(cases.lockById(a.id, tx)).resolves.toMatchObject({ id: a.id });
        await cases.update(a.id, { status: CaseStatus.RESOLVED }, tx);
      });
      await expect(cases.unresolvedCountOf(memberId)).resolves.toBe(1);
      await expect(cases.byId(randomUUID())).resolves.toBeNull();
    });

    it('pages the inbox by due time, then priority (URGENT first), then age, and filters it', async () => {
      const memberId = await medium.member();
      const agentId = await medium.member(Role.AGENT);
      const base = Date.now() + 1000 * HOUR;
      const at = (hours: number) => new Date(base + hours * HOUR);
      const rows = [
        newCase(memberId, { firstResponseDueAt: at(2), createdAt: at(-3) }),
        newCase(memberId, {
          firstResponseDueAt: at(1),
          priority: CasePriority.LOW,
          priorityRank: 3,
          createdAt: at(-5),
        }),
        newCase(memberId, {
          firstResponseDueAt: at(1),
          priority: CasePriority.URGENT,
          priorityRank: 0,
          createdAt: at(-1),
          assigneeId: agentId,
        }),
        newCase(memberId, {
          firstResponseDueAt: at(1),
          priorityRank: 3,
          createdAt: at(-6),
          priority: CasePriority.LOW,
        }),
      ];
      await transactions.run(async (tx) => {
        for (const row of rows) await cases.insert(row, tx);
      });
      const mine = new Set(rows.map((r) => r.id));
      const walk = async (filter: object) => {
        const ids: string[] = [];
        let page = { direction: 'forward' as const, limit: 2, cursor: null as string | null };
        for (;;) {
          const got = await cases.inboxPage({ now: new Date(), page, ...filter });
          const shown = got.slice(0, 2);
          ids.push(...shown.map((c) => c.id));
          if (got.length <= 2) return ids.filter((id) => mine.has(id));
          page = { ...page, cursor: cases.inboxCursor(shown[shown.length - 1]) };
        }
      };
      expect(await walk({})).toEqual([rows[2].id, rows[3].id, rows[1].id, rows[0].id]);
      expect(await walk({ assigneeId: agentId })).toEqual([rows[2].id]);
      expect(await walk({ unassigned: true })).toEqual([rows[3].id, rows[1].id, rows[0].id]);
      expect(await walk({ breached: true })).toEqual([]);
      expect(await walk({ breached: true, now: at(10) })).toEqual([
        rows[2].id,
        rows[3].id,
        rows[1].id,
        rows[0].id,
      ]);
      expect(await walk({ status: CaseStatus.RESOLVED })).toEqual([]);
      await expect(
        cases.inboxCount({ now: new Date(), page: SAMPLE_PAGE.FIRST, assigneeId: agentId }),
      ).resolves.toBe(1);
    });

    it("pages a member's cases latest activity first, and a case's messages oldest first", async () => {
      const memberId = await medium.member();
      const t = Date.now();
      const older = newCase(memberId, { updatedAt: new Date(t - 1000) });
      const newer = newCase(memberId, { updatedAt: new Date(t) });
      await transactions.run(async (tx) => {
        await cases.insert(older, tx);
        await cases.insert(newer, tx);
      });
      const first = await cases.memberPage(memberId, {
        direction: 'forward',
        limit: 1,
        cursor: null,
      });
      expect(first.map((c) => c.id)).toEqual([newer.id, older.id]);
      const next = await cases.memberPage(memberId, {
        direction: 'forward',
        limit: 1,
        cursor: cases.memberCursor(first[0]),
      });
      expect(next.map((c) => c.id)).toEqual([older.id]);
      await expect(cases.memberCount(memberId)).resolves.toBe(2);

      const message = (minutes: number, internal: boolean) =>
        Object.assign(new CaseMessageEntity(), {
          id: randomUUID(),
          caseId: older.id,
          authorId: memberId,
          body: 'b',
          bodyHtml: '<p>b</p>',
          internal,
          createdAt: new Date(t + minutes * 60_000),
        });
      const [m1, note, m2] = [message(1, false), message(2, true), message(3, false)];
      await transactions.run(async (tx) => {
        for (const m of [m2, note, m1]) await messages.insert(m, tx);
      });
      const all = await messages.page(older.id, true, SAMPLE_PAGE.FIRST);
      expect(all.map((m) => m.id)).toEqual([m1.id, note.id, m2.id]);
      const forMember = await messages.page(older.id, false, SAMPLE_PAGE.FIRST);
      expect(forMember.map((m) => m.id)).toEqual([m1.id, m2.id]);
      const after = await messages.page(older.id, false, {
        direction: 'forward',
        limit: 20,
        cursor: messages.cursorOf(m1),
      });
      expect(after.map((m) => m.id)).toEqual([m2.id]);
      await expect(messages.count(older.id, false)).resolves.toBe(2);
      expect((await messages.byIds([note.id])).map((m) => m.internal)).toEqual([true]);
    });
  });

  describe('the service', () => {
    it('holds five unresolved cases per member under 10 parallel openings', async () => {
      const member = await medium.viewer();
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () => service.open(member, caseInput)),
      );
      expect(outcomes(results)).toEqual({ ok: 5, codes: Array(5).fill('BAD_USER_INPUT') });
      await expect(cases.unresolvedCountOf(member.id)).resolves.toBe(5);
      const [{ n }] = await medium.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM care_case_messages m JOIN care_cases c ON c.id = m.case_id
          WHERE c.member_id = $1`,
        [member.id],
      );
      expect(n).toBe(5);
    });

    it('keeps one unresolved case per thread when two escalations race', async () => {
      const member = await medium.viewer();
      const threadId = await thread(member.id);
      const agent = await medium.viewer(Role.AGENT);
      const results = await Promise.allSettled([
        service.open(member, { ...caseInput, threadId }),
        service.escalate(agent, { threadId, note: 'Billing should look' }),
      ]);
      expect(outcomes(results)).toEqual({ ok: 1, codes: ['CONFLICT'] });
      const rows = await medium.sql(`SELECT id FROM care_cases WHERE thread_id = $1`, [threadId]);
      expect(rows).toHaveLength(1);
    });

    it("takes the SLA from the member's segment and routes to the dedicated rep", async () => {
      const member = await medium.viewer();
      const rep = await medium.viewer(Role.AGENT);
      await inSegment(member.id, 6, rep.id);
      const careCase = await service.open(member, caseInput);
      const created = careCase.createdAt.getTime();
      expect(careCase.firstResponseDueAt.getTime() - created).toBe(6 * HOUR);
      expect(careCase.assigneeId).toBe(rep.id);
      expect((careCase.repFallbackAt as Date).getTime() - created).toBe(3 * HOUR);
      const [opened] = await events('care.case-opened', careCase.id);
      expect(opened.payload).toMatchObject({ assigneeId: rep.id, memberId: member.id });

      await expect(service.returnToInbox(careCase.id)).resolves.toBe(true);
      await expect(cases.byId(careCase.id)).resolves.toMatchObject({
        assigneeId: null,
        repFallbackAt: null,
      });
      await expect(service.returnToInbox(careCase.id)).resolves.toBe(false);
      const assigned = await events('care.case-assigned', careCase.id);
      expect(assigned.map((e) => e.payload.assigneeId)).toEqual([null]);
    });

    it('uses CARE_FIRST_RESPONSE_HOURS for a member without a segment', async () => {
      const careCase = await service.open(await medium.viewer(), caseInput);
      expect(careCase.firstResponseDueAt.getTime() - careCase.createdAt.getTime()).toBe(24 * HOUR);
    });

    it('gives a case taken by two agents at once to one of them, and tells the other CONFLICT', async () => {
      const careCase = await service.open(await medium.viewer(), caseInput);
      const [a, b] = [await medium.viewer(Role.AGENT), await medium.viewer(Role.AGENT)];
      const results = await Promise.allSettled([
        service.assign(a, careCase.id, null),
        service.assign(b, careCase.id, null),
      ]);
      expect(outcomes(results)).toEqual({ ok: 1, codes: ['CONFLICT'] });
      const winner = results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{
        assigneeId: string;
      }>;
      const stored = await cases.byId(careCase.id);
      expect(stored?.assigneeId).toBe(winner.value.assigneeId);
      expect(await events('care.case-assigned', careCase.id)).toHaveLength(1);
    });

    it('resolves a case twice at once: CONFLICT for one, one official answer on the thread', async () => {
      const member = await medium.viewer();
      const threadId = await thread(member.id);
      const careCase = await service.open(member, { ...caseInput, threadId });
      const agent = await medium.viewer(Role.AGENT);
      const resolve = () =>
        service.resolve(agent, {
          caseId: careCase.id,
          note: 'Refunded',
          publicAnswer: 'The double charge is refunded within 3 days.',
          acceptAsSolution: true,
        });
      const results = await Promise.allSettled([resolve(), resolve()]);
      expect(outcomes(results)).toEqual({ ok: 1, codes: ['CONFLICT'] });
      const posts = await medium.sql<{ id: string; official: boolean; author_id: string }>(
        `SELECT id, official, author_id FROM posts WHERE thread_id = $1`,
        [threadId],
      );
      expect(posts).toEqual([{ id: expect.any(String), official: true, author_id: agent.id }]);
      const [stored] = await medium.sql<{ status: string; accepted_post_id: string }>(
        `SELECT status, accepted_post_id FROM threads WHERE id = $1`,
        [threadId],
      );
      expect(stored).toEqual({ status: 'SOLVED', accepted_post_id: posts[0].id });
      await expect(cases.byId(careCase.id)).resolves.toMatchObject({
        status: CaseStatus.RESOLVED,
        publicAnswerId: posts[0].id,
        resolutionNote: 'Refunded',
      });
      expect(await events('care.case-resolved', careCase.id)).toHaveLength(1);
    });

    it('posts no answer when the resolution fails', async () => {
      const member = await medium.viewer();
      const threadId = await thread(member.id, 'LOCKED');
      const careCase = await service.open(member, { ...caseInput, threadId });
      const agent: Viewer = await medium.viewer(Role.AGENT);
      await expect(
        service.resolve(agent, { caseId: careCase.id, note: 'x', publicAnswer: 'An answer' }),
      ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      await expect(
        medium.sql(`SELECT id FROM posts WHERE thread_id = $1`, [threadId]),
      ).resolves.toEqual([]);
      await expect(cases.byId(careCase.id)).resolves.toMatchObject({ status: CaseStatus.OPEN });
      expect(await events('care.case-resolved', careCase.id)).toHaveLength(0);
    });

    it('auto-escalates a thread once', async () => {
      const authorId = await medium.member();
      const threadId = await thread(authorId);
      const t = { id: threadId, authorId, title: 'Why is my bill higher?' };
      const now = new Date();
      const [first, second] = await Promise.all([
        service.openAutoEscalated(t, now),
        service.openAutoEscalated(t, now),
      ]);
      expect([first, second].filter((id) => id !== null)).toHaveLength(1);
      await expect(cases.autoEscalated(threadId)).resolves.toBe(true);
      const id = (first ?? second) as string;
      await expect(cases.byId(id)).resolves.toMatchObject({ origin: CaseOrigin.AUTO_ESCALATED });
    });

    it('replies, reopens within 14 days and refuses after', async () => {
      const member = await medium.viewer();
      const agent = await medium.viewer(Role.AGENT);
      const careCase = await service.open(member, caseInput);
      await service.reply(agent, { caseId: careCase.id, body: 'Note', internal: true });
      await expect(cases.byId(careCase.id)).resolves.toMatchObject({ firstRespondedAt: null });
      await service.reply(agent, { caseId: careCase.id, body: 'We refunded you' });
      await expect(cases.byId(careCase.id)).resolves.toMatchObject({
        status: CaseStatus.WAITING_ON_MEMBER,
        firstRespondedAt: expect.any(Date),
      });
      await service.resolve(agent, { caseId: careCase.id, note: 'Done' });
      await expect(service.reopen(member, careCase.id, 'Charged again')).resolves.toMatchObject({
        status: CaseStatus.OPEN,
      });
      await service.resolve(agent, { caseId: careCase.id, note: 'Done again' });
      await medium.sql(
        `UPDATE care_cases SET resolved_at = now() - interval '15 days' WHERE id = $1`,
        [careCase.id],
      );
      await expect(service.reopen(member, careCase.id, 'Once more')).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const posted = await events('care.case-message-posted', careCase.id);
      expect(posted.map((e) => [e.payload.internal, e.payload.byStaff])).toEqual([
        [true, true],
        [false, true],
        [false, false],
      ]);
    });
  });
});
