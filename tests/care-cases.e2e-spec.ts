import { errorCode, GraphQLResponse, ok } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

const CASE_FIELDS = `id number subject status priority origin firstResponseDueAt firstRespondedAt
  slaBreached resolvedAt resolutionNote createdAt updatedAt
  member { id } assignee { id } thread { id } publicAnswer { id official }`;
const OPEN = `mutation($input: OpenCaseInput!) { openCase(input: $input) { ${CASE_FIELDS} } }`;
const ESCALATE = `mutation($input: EscalateThreadInput!) { escalateThread(input: $input) { ${CASE_FIELDS} } }`;
const REPLY = `mutation($input: ReplyToCaseInput!) {
  replyToCase(input: $input) { id body bodyHtml internal createdAt author { id } }
}`;
const ASSIGN = `mutation($caseId: ID!, $agentId: ID) { assignCase(caseId: $caseId, agentId: $agentId) { ${CASE_FIELDS} } }`;
const RESOLVE = `mutation($input: ResolveCaseInput!) { resolveCase(input: $input) { ${CASE_FIELDS} } }`;
const REOPEN = `mutation($caseId: ID!, $body: String!) { reopenCase(caseId: $caseId, body: $body) { ${CASE_FIELDS} } }`;
const CASE = `query($id: ID!) { careCase(id: $id) {
  ${CASE_FIELDS} messages { totalCount edges { node { body internal author { id } } } }
} }`;
const INBOX = `query($filter: CareInboxFilter, $first: Int, $after: String) {
  careInbox(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id priority status assignee { id } } }
  }
}`;
const MY_CASES = `query { myCases { totalCount edges { node { id } } } }`;
const THREAD = `query($id: ID!) { thread(id: $id) { status answers { edges { node { id official } } } } }`;

interface CareCase {
  id: string;
  number: number;
  subject: string;
  status: string;
  priority: string;
  origin: string;
  firstResponseDueAt: string;
  firstRespondedAt: string | null;
  slaBreached: boolean;
  resolvedAt: string | null;
  resolutionNote: string | null;
  createdAt: string;
  member: { id: string };
  assignee: { id: string } | null;
  thread: { id: string } | null;
  publicAnswer: { id: string; official: boolean } | null;
}

const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];
const HOUR = 3_600_000;
const input = { subject: 'My bill is wrong', body: 'I was charged twice this month.' };

describe('care cases over HTTP', () => {
  const app = new TestApp();
  let admin: Member;
  let agent: Member;
  let moderator: Member;
  let productManager: Member;
  let boardId: string;

  beforeAll(async () => {
    await app.start({ env: { CARE_FIRST_RESPONSE_HOURS: '24' } });
    admin = await app.member('ADMIN');
    agent = await app.member('AGENT');
    moderator = await app.member('MODERATOR');
    productManager = await app.member('PRODUCT_MANAGER');
    boardId = await app.board(admin);
  });
  afterAll(() => app.stop());

  const open = async (member: Member, extra: object = {}): Promise<CareCase> =>
    ok(await app.gql<{ openCase: CareCase }>(OPEN, { input: { ...input, ...extra } }, member.token))
      .openCase;
  const read = async (id: string, member: Member) =>
    ok(
      await app.gql<{
        careCase:
          | (CareCase & {
              messages: {
                totalCount: number;
                edges: Array<{ node: { body: string; internal: boolean } }>;
              };
            })
          | null;
      }>(CASE, { id }, member.token),
    ).careCase;
  const caseCount = async (memberGlobalId: string) =>
    (
      await app.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM care_cases WHERE member_id = $1',
        [uuidOf(memberGlobalId)],
      )
    )[0].n;
  const expectCode = (response: GraphQLResponse<unknown>, code: string, field?: string) => {
    expect(errorCode(response)).toBe(code);
    if (field) expect(response.errors?.[0].extensions?.field).toBe(field);
  };

  describe('openCase', () => {
    it('opens a DIRECT case that its member reads, due by CARE_FIRST_RESPONSE_HOURS', async () => {
      const member = await app.member();
      const careCase = await open(member);
      expect(careCase).toMatchObject({
        subject: input.subject,
        status: 'OPEN',
        priority: 'NORMAL',
        origin: 'DIRECT',
        member: { id: member.id },
        assignee: null,
        thread: null,
        firstRespondedAt: null,
        slaBreached: false,
      });
      expect(Date.parse(careCase.firstResponseDueAt) - Date.parse(careCase.createdAt)).toBe(
        24 * HOUR,
      );
      const again = await read(careCase.id, member);
      expect(again?.messages).toEqual({
        totalCount: 1,
        edges: [{ node: { body: input.body, internal: false, author: { id: member.id } } }],
      });
      const second = await open(member);
      expect(second.number).toBeGreaterThan(careCase.number);
    });

    it('refuses a subject outside 8–200 and a body outside 1–20,000 with BAD_USER_INPUT, writing nothing', async () => {
      const member = await app.member();
      for (const bad of [
        { subject: 'short' },
        { subject: 'x'.repeat(201) },
        { body: '' },
        { body: 'x'.repeat(20_001) },
      ]) {
        expectCode(
          await app.gql(OPEN, { input: { ...input, ...bad } }, member.token),
          'BAD_USER_INPUT',
        );
      }
      expect(await caseCount(member.id)).toBe(0);
    });

    it('refuses URGENT from a member (BAD_USER_INPUT) and takes it from staff', async () => {
      const member = await app.member();
      expectCode(
        await app.gql(OPEN, { input: { ...input, priority: 'URGENT' } }, member.token),
        'BAD_USER_INPUT',
        'priority',
      );
      expect(await caseCount(member.id)).toBe(0);
      expect((await open(agent, { priority: 'URGENT' })).priority).toBe('URGENT');
    });

    it('refuses a sixth unresolved case with BAD_USER_INPUT', async () => {
      const member = await app.member();
      for (let i = 0; i < 5; i++) await open(member);
      expectCode(await app.gql(OPEN, { input }, member.token), 'BAD_USER_INPUT');
      expect(await caseCount(member.id)).toBe(5);
    });

    it("escalates the viewer's own thread (ESCALATED), refuses another's (FORBIDDEN) and a second (CONFLICT)", async () => {
      const member = await app.member();
      const threadId = await app.ask(member, boardId, 'Why does my line drop at night?');
      const careCase = await open(member, { threadId });
      expect(careCase).toMatchObject({ origin: 'ESCALATED', thread: { id: threadId } });
      expectCode(await app.gql(OPEN, { input: { ...input, threadId } }, member.token), 'CONFLICT');
      const other = await app.member();
      expectCode(await app.gql(OPEN, { input: { ...input, threadId } }, other.token), 'FORBIDDEN');
      expect(await caseCount(other.id)).toBe(0);
      expectCode(
        await app.gql(OPEN, { input: { ...input, threadId: 'not-an-id' } }, member.token),
        'BAD_USER_INPUT',
        'threadId',
      );
    });

    it("takes the due time from the member's segment and gives the case to their dedicated rep", async () => {
      const member = await app.member();
      const rep = await app.member('AGENT');
      const [segment] = await app.sql<{ id: string }>(
        `INSERT INTO care_segments (id, key, name, first_response_hours, dedicated_rep_enabled)
         VALUES (gen_random_uuid(), 'key-accounts-e2e', 'Key accounts', 4, true) RETURNING id`,
      );
      await app.sql(
        `INSERT INTO care_members (user_id, segment_id, dedicated_rep_id) VALUES ($1, $2, $3)`,
        [uuidOf(member.id), segment.id, uuidOf(rep.id)],
      );
      const careCase = await open(member);
      expect(Date.parse(careCase.firstResponseDueAt) - Date.parse(careCase.createdAt)).toBe(
        4 * HOUR,
      );
      expect(careCase.assignee).toEqual({ id: rep.id });
      const [row] = await app.sql<{ rep_fallback_at: Date; created_at: Date }>(
        'SELECT rep_fallback_at, created_at FROM care_cases WHERE id = $1',
        [uuidOf(careCase.id)],
      );
      expect(row.rep_fallback_at.getTime() - row.created_at.getTime()).toBe(2 * HOUR);
    });

    it('refuses anonymous callers (UNAUTHENTICATED) and silenced members (FORBIDDEN)', async () => {
      expectCode(await app.gql(OPEN, { input }), 'UNAUTHENTICATED');
      const silenced = await app.member();
      await app.sql(`UPDATE users SET status = 'SILENCED' WHERE id = $1`, [uuidOf(silenced.id)]);
      expectCode(await app.gql(OPEN, { input }, silenced.token), 'FORBIDDEN');
      expect(await caseCount(silenced.id)).toBe(0);
    });
  });

  describe('escalateThread', () => {
    it("opens a case for the thread's author, titled as the thread, with the note as an internal message", async () => {
      const asker = await app.member();
      const threadId = await app.ask(asker, boardId, 'Roaming does not work in Spain');
      const careCase = ok(
        await app.gql<{ escalateThread: CareCase }>(
          ESCALATE,
          { input: { threadId, note: 'Billing must check the roaming flag', priority: 'HIGH' } },
          agent.token,
        ),
      ).escalateThread;
      expect(careCase).toMatchObject({
        subject: 'Roaming does not work in Spain',
        origin: 'ESCALATED',
        priority: 'HIGH',
        member: { id: asker.id },
        thread: { id: threadId },
      });
      expect((await read(careCase.id, agent))?.messages.edges).toEqual([
        {
          node: {
            body: 'Billing must check the roaming flag',
            internal: true,
            author: { id: agent.id },
          },
        },
      ]);
      expect((await read(careCase.id, asker))?.messages).toEqual({ totalCount: 0, edges: [] });
      expectCode(
        await app.gql(ESCALATE, { input: { threadId, note: 'again' } }, moderator.token),
        'CONFLICT',
      );
    });

    it.each(['MEMBER', 'PRODUCT_MANAGER'])(
      'refuses escalateThread to a %s with FORBIDDEN',
      async (role) => {
        const asker = await app.member();
        const threadId = await app.ask(asker, boardId, 'Why is my signal weak indoors?');
        const caller = role === 'MEMBER' ? asker : productManager;
        expectCode(
          await app.gql(ESCALATE, { input: { threadId, note: 'please' } }, caller.token),
          'FORBIDDEN',
        );
        expect(await caseCount(asker.id)).toBe(0);
      },
    );

    it('refuses anonymous callers with UNAUTHENTICATED', async () => {
      const asker = await app.member();
      const threadId = await app.ask(asker, boardId, 'Why is my signal weak outdoors?');
      expectCode(
        await app.gql(ESCALATE, { input: { threadId, note: 'please' } }),
        'UNAUTHENTICATED',
      );
    });
  });

  describe('replyToCase', () => {
    it('moves the status: staff reply waits on the member and is the first response; the member reopens it', async () => {
      const member = await app.member();
      const careCase = await open(member);
      const note = ok(
        await app.gql<{ replyToCase: { internal: boolean } }>(
          REPLY,
          { input: { caseId: careCase.id, body: 'Check the invoice first', internal: true } },
          agent.token,
        ),
      ).replyToCase;
      expect(note.internal).toBe(true);
      expect(await read(careCase.id, agent)).toMatchObject({
        status: 'OPEN',
        firstRespondedAt: null,
      });
      const reply = ok(
        await app.gql<{ replyToCase: { body: string; bodyHtml: string; author: { id: string } } }>(
          REPLY,
          { input: { caseId: careCase.id, body: 'We **refunded** you' } },
          agent.token,
        ),
      ).replyToCase;
      expect(reply).toMatchObject({ body: 'We **refunded** you', author: { id: agent.id } });
      expect(reply.bodyHtml).toContain('<strong>refunded</strong>');
      const answered = await read(careCase.id, member);
      expect(answered?.status).toBe('WAITING_ON_MEMBER');
      expect(answered?.firstRespondedAt).not.toBeNull();
      ok(await app.gql(REPLY, { input: { caseId: careCase.id, body: 'Thanks!' } }, member.token));
      const back = await read(careCase.id, member);
      expect(back?.status).toBe('OPEN');
      expect(back?.firstRespondedAt).toBe(answered?.firstRespondedAt);
      expect(back?.messages.edges.map((e) => e.node.body)).toEqual([
        input.body,
        'We **refunded** you',
        'Thanks!',
      ]);
    });

    it("refuses a member's internal note (FORBIDDEN), another member (NOT_FOUND) and a resolved case (BAD_USER_INPUT)", async () => {
      const member = await app.member();
      const careCase = await open(member);
      expectCode(
        await app.gql(
          REPLY,
          { input: { caseId: careCase.id, body: 'x', internal: true } },
          member.token,
        ),
        'FORBIDDEN',
      );
      const other = await app.member();
      expectCode(
        await app.gql(REPLY, { input: { caseId: careCase.id, body: 'x' } }, other.token),
        'NOT_FOUND',
      );
      ok(await app.gql(RESOLVE, { input: { caseId: careCase.id, note: 'Done' } }, agent.token));
      expectCode(
        await app.gql(REPLY, { input: { caseId: careCase.id, body: 'x' } }, member.token),
        'BAD_USER_INPUT',
        'caseId',
      );
      expectCode(
        await app.gql(REPLY, { input: { caseId: careCase.id, body: 'x' } }),
        'UNAUTHENTICATED',
      );
      const [{ n }] = await app.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM care_case_messages WHERE case_id = $1',
        [uuidOf(careCase.id)],
      );
      expect(n).toBe(1);
    });
    it('pages messages oldest first, 50 by default', async () => {
      const member = await app.member();
      const careCase = await open(member);
      await app.sql(
        `INSERT INTO care_case_messages (id, case_id, author_id, body, body_html, created_at)
         SELECT gen_random_uuid(), $1, $2, 'm' || i, '<p>m' || i || '</p>', now() + i * interval '1 second'
           FROM generate_series(1, 54) AS i`,
        [uuidOf(careCase.id), uuidOf(member.id)],
      );
      const PAGE = `query($id: ID!, $after: String) { careCase(id: $id) {
        messages(after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { body } } }
      } }`;
      type Page = {
        careCase: {
          messages: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: Array<{ node: { body: string } }>;
          };
        };
      };
      const first = ok(await app.gql<Page>(PAGE, { id: careCase.id }, member.token)).careCase
        .messages;
      expect(first.totalCount).toBe(55);
      expect(first.edges).toHaveLength(50);
      expect(first.edges[0].node.body).toBe(input.body);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const rest = ok(
        await app.gql<Page>(
          PAGE,
          { id: careCase.id, after: first.pageInfo.endCursor },
          member.token,
        ),
      ).careCase.messages;
      expect(rest.edges.map((e) => e.node.body)).toEqual(['m50', 'm51', 'm52', 'm53', 'm54']);
      expect(rest.pageInfo.hasNextPage).toBe(false);
    });
  });

  describe('assignCase', () => {
    it('takes a case without agentId, assigns another agent with one, refuses a non-staff assignee', async () => {
      const member = await app.member();
      const careCase = await open(member);
      expect(
        ok(await app.gql<{ assignCase: CareCase }>(ASSIGN, { caseId: careCase.id }, agent.token))
          .assignCase.assignee,
      ).toEqual({
        id: agent.id,
      });
      expect(
        ok(
          await app.gql<{ assignCase: CareCase }>(
            ASSIGN,
            { caseId: careCase.id, agentId: moderator.id },
            agent.token,
          ),
        ).assignCase.assignee,
      ).toEqual({ id: moderator.id });
      expectCode(
        await app.gql(ASSIGN, { caseId: careCase.id, agentId: member.id }, agent.token),
        'BAD_USER_INPUT',
        'agentId',
      );
      expectCode(
        await app.gql(ASSIGN, { caseId: careCase.id, agentId: productManager.id }, agent.token),
        'BAD_USER_INPUT',
        'agentId',
      );
      expect((await read(careCase.id, agent))?.assignee).toEqual({ id: moderator.id });
    });

    it('gives a case two agents take at once to one of them, and tells each the truth', async () => {
      const careCase = await open(await app.member());
      const [a, b] = [await app.member('AGENT'), await app.member('AGENT')];
      const responses = await Promise.all(
        [a, b].map((who) =>
          app.gql<{ assignCase: CareCase }>(ASSIGN, { caseId: careCase.id }, who.token),
        ),
      );
      const won = responses.filter((r) => !r.errors);
      expect(won).toHaveLength(1);
      expect(responses.filter((r) => r.errors).map((r) => errorCode(r))).toEqual(['CONFLICT']);
      const holder = (await read(careCase.id, agent))?.assignee;
      expect(won[0].data?.assignCase.assignee).toEqual(holder);
    });

    it.each(['MEMBER', 'PRODUCT_MANAGER'])(
      'refuses assignCase to a %s with FORBIDDEN',
      async (role) => {
        const member = await app.member();
        const careCase = await open(member);
        const caller = role === 'MEMBER' ? member : productManager;
        expectCode(await app.gql(ASSIGN, { caseId: careCase.id }, caller.token), 'FORBIDDEN');
        expectCode(await app.gql(ASSIGN, { caseId: careCase.id }), 'UNAUTHENTICATED');
        expect((await read(careCase.id, member))?.assignee).toBeNull();
      },
    );
  });

  describe('resolveCase', () => {
    it('resolves with the note; with publicAnswer posts the official answer on the thread and accepts it', async () => {
      const member = await app.member();
      const threadId = await app.ask(member, boardId, 'My voicemail greeting is gone');
      const careCase = await open(member, { threadId });
      const resolved = ok(
        await app.gql<{ resolveCase: CareCase }>(
          RESOLVE,
          {
            input: {
              caseId: careCase.id,
              note: 'Your greeting is restored',
              publicAnswer: 'Dial 121, press 3 and record the greeting again.',
              acceptAsSolution: true,
            },
          },
          agent.token,
        ),
      ).resolveCase;
      expect(resolved).toMatchObject({
        status: 'RESOLVED',
        resolutionNote: 'Your greeting is restored',
        publicAnswer: { official: true },
      });
      expect(resolved.resolvedAt).not.toBeNull();
      const thread = ok(
        await app.gql<{
          thread: {
            status: string;
            answers: { edges: Array<{ node: { id: string; official: boolean } }> };
          };
        }>(THREAD, { id: threadId }),
      ).thread;
      expect(thread.status).toBe('SOLVED');
      expect(thread.answers.edges.map((e) => e.node)).toEqual([
        { id: resolved.publicAnswer?.id, official: true },
      ]);
      // Official answers earn no reputation.
      const [{ reputation }] = await app.sql<{ reputation: number }>(
        'SELECT reputation FROM users WHERE id = $1',
        [uuidOf(agent.id)],
      );
      expect(reputation).toBe(0);
      expectCode(
        await app.gql(RESOLVE, { input: { caseId: careCase.id, note: 'again' } }, agent.token),
        'CONFLICT',
      );
    });

    it('refuses publicAnswer on a case without a thread (BAD_USER_INPUT), resolving nothing', async () => {
      const member = await app.member();
      const careCase = await open(member);
      expectCode(
        await app.gql(
          RESOLVE,
          { input: { caseId: careCase.id, note: 'x', publicAnswer: 'y' } },
          agent.token,
        ),
        'BAD_USER_INPUT',
        'publicAnswer',
      );
      expect((await read(careCase.id, member))?.status).toBe('OPEN');
    });

    it('resolving a case twice at once: CONFLICT for one, one answer on the thread', async () => {
      const member = await app.member();
      const threadId = await app.ask(member, boardId, 'My SIM is not recognised');
      const careCase = await open(member, { threadId });
      const variables = {
        input: { caseId: careCase.id, note: 'x', publicAnswer: 'Clean the SIM contacts.' },
      };
      const responses = await Promise.all([
        app.gql(RESOLVE, variables, agent.token),
        app.gql(RESOLVE, variables, moderator.token),
      ]);
      expect(responses.filter((r) => !r.errors)).toHaveLength(1);
      expect(responses.filter((r) => r.errors).map((r) => errorCode(r))).toEqual(['CONFLICT']);
      const posts = await app.sql('SELECT id FROM posts WHERE thread_id = $1', [uuidOf(threadId)]);
      expect(posts).toHaveLength(1);
    });

    it('posts no answer when the resolution fails', async () => {
      const member = await app.member();
      const threadId = await app.ask(member, boardId, 'My number cannot be ported');
      const careCase = await open(member, { threadId });
      await app.sql(`UPDATE threads SET status = 'LOCKED' WHERE id = $1`, [uuidOf(threadId)]);
      expectCode(
        await app.gql(
          RESOLVE,
          { input: { caseId: careCase.id, note: 'x', publicAnswer: 'y' } },
          agent.token,
        ),
        'BAD_USER_INPUT',
      );
      expect(
        await app.sql('SELECT id FROM posts WHERE thread_id = $1', [uuidOf(threadId)]),
      ).toEqual([]);
      expect((await read(careCase.id, member))?.status).toBe('OPEN');
    });

    it.each(['MEMBER', 'PRODUCT_MANAGER'])(
      'refuses resolveCase to a %s with FORBIDDEN',
      async (role) => {
        const member = await app.member();
        const careCase = await open(member);
        const caller = role === 'MEMBER' ? member : productManager;
        expectCode(
          await app.gql(RESOLVE, { input: { caseId: careCase.id, note: 'x' } }, caller.token),
          'FORBIDDEN',
        );
        expectCode(
          await app.gql(RESOLVE, { input: { caseId: careCase.id, note: 'x' } }),
          'UNAUTHENTICATED',
        );
        expect((await read(careCase.id, member))?.status).toBe('OPEN');
      },
    );
  });

  describe('reopenCase', () => {
    it('reopens within 14 days with the body as a message, refuses after, and refuses others', async () => {
      const member = await app.member();
      const careCase = await open(member);
      expectCode(
        await app.gql(REOPEN, { caseId: careCase.id, body: 'again' }, member.token),
        'BAD_USER_INPUT',
      );
      ok(await app.gql(RESOLVE, { input: { caseId: careCase.id, note: 'Done' } }, agent.token));
      const other = await app.member();
      expectCode(
        await app.gql(REOPEN, { caseId: careCase.id, body: 'again' }, other.token),
        'NOT_FOUND',
      );
      expectCode(
        await app.gql(REOPEN, { caseId: careCase.id, body: 'again' }, agent.token),
        'FORBIDDEN',
      );
      expectCode(await app.gql(REOPEN, { caseId: careCase.id, body: 'again' }), 'UNAUTHENTICATED');
      const reopened = ok(
        await app.gql<{ reopenCase: CareCase }>(
          REOPEN,
          { caseId: careCase.id, body: 'Charged again' },
          member.token,
        ),
      ).reopenCase;
      expect(reopened).toMatchObject({ status: 'OPEN', resolvedAt: null });
      expect((await read(careCase.id, member))?.messages.edges.map((e) => e.node.body)).toEqual([
        input.body,
        'Charged again',
      ]);
      ok(await app.gql(RESOLVE, { input: { caseId: careCase.id, note: 'Done' } }, agent.token));
      await app.sql(
        `UPDATE care_cases SET resolved_at = now() - interval '15 days' WHERE id = $1`,
        [uuidOf(careCase.id)],
      );
      expectCode(
        await app.gql(REOPEN, { caseId: careCase.id, body: 'Once more' }, member.token),
        'BAD_USER_INPUT',
        'caseId',
      );
      expect((await read(careCase.id, member))?.status).toBe('RESOLVED');
    });
  });

  describe('careInbox', () => {
    it('orders by due time, then priority (URGENT first), then age, pages by cursor and filters', async () => {
      const first = await open(await app.member());
      const urgent = await open(agent, { priority: 'URGENT' });
      const rows = [first.id, urgent.id].map(uuidOf);
      // Same due time: URGENT before NORMAL whatever the age.
      await app.sql(
        `UPDATE care_cases SET first_response_due_at = now() + interval '1000 hours' WHERE id = ANY($1::uuid[])`,
        [rows],
      );
      const all: Array<{ id: string; priority: string }> = [];
      let after: string | null = null;
      for (;;) {
        const page: {
          careInbox: {
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: Array<{ node: { id: string; priority: string } }>;
          };
        } = ok(await app.gql(INBOX, { first: 3, after }, agent.token));
        all.push(...page.careInbox.edges.map((e) => e.node));
        if (!page.careInbox.pageInfo.hasNextPage) break;
        after = page.careInbox.pageInfo.endCursor;
      }
      const ids = all.map((c) => c.id);
      expect(ids.slice(-2)).toEqual([urgent.id, first.id]);
      expect(new Set(ids).size).toBe(ids.length);

      ok(await app.gql(ASSIGN, { caseId: first.id }, moderator.token));
      const mine = ok(
        await app.gql<{ careInbox: { edges: Array<{ node: { id: string } }> } }>(
          INBOX,
          { filter: { assignedToMe: true } },
          moderator.token,
        ),
      ).careInbox.edges.map((e) => e.node.id);
      expect(mine).toContain(first.id);
      expect(mine).not.toContain(urgent.id);
      const unassigned = ok(
        await app.gql<{ careInbox: { edges: Array<{ node: { id: string } }> } }>(
          INBOX,
          { filter: { unassigned: true }, first: 100 },
          agent.token,
        ),
      ).careInbox.edges.map((e) => e.node.id);
      expect(unassigned).toContain(urgent.id);
      expect(unassigned).not.toContain(first.id);

      await app.sql(
        `UPDATE care_cases SET first_response_due_at = now() - interval '1 hour' WHERE id = $1`,
        [uuidOf(urgent.id)],
      );
      const breached = ok(
        await app.gql<{ careInbox: { edges: Array<{ node: { id: string } }> } }>(
          INBOX,
          { filter: { breached: true }, first: 100 },
          agent.token,
        ),
      ).careInbox.edges.map((e) => e.node.id);
      expect(breached).toEqual([urgent.id]);
      expect((await read(urgent.id, agent))?.slaBreached).toBe(true);

      ok(await app.gql(RESOLVE, { input: { caseId: urgent.id, note: 'x' } }, agent.token));
      const resolved = ok(
        await app.gql<{ careInbox: { edges: Array<{ node: { id: string; status: string } }> } }>(
          INBOX,
          { filter: { status: 'RESOLVED' }, first: 100 },
          agent.token,
        ),
      ).careInbox.edges.map((e) => e.node);
      expect(resolved.map((c) => c.id)).toContain(urgent.id);
      expect(new Set(resolved.map((c) => c.status))).toEqual(new Set(['RESOLVED']));
      const open_ = ok(
        await app.gql<{ careInbox: { edges: Array<{ node: { id: string } }> } }>(
          INBOX,
          { first: 100 },
          agent.token,
        ),
      ).careInbox.edges.map((e) => e.node.id);
      expect(open_).not.toContain(urgent.id);
    });

    it.each(['MEMBER', 'PRODUCT_MANAGER'])(
      'refuses careInbox to a %s with FORBIDDEN',
      async (role) => {
        const caller = role === 'MEMBER' ? await app.member() : productManager;
        expectCode(await app.gql(INBOX, {}, caller.token), 'FORBIDDEN');
      },
    );

    it('refuses anonymous callers of careInbox and myCases with UNAUTHENTICATED', async () => {
      expectCode(await app.gql(INBOX, {}), 'UNAUTHENTICATED');
      expectCode(await app.gql(MY_CASES, {}), 'UNAUTHENTICATED');
    });
  });

  describe('myCases', () => {
    it("lists the viewer's cases, latest activity first", async () => {
      const member = await app.member();
      const a = await open(member);
      const b = await open(member);
      ok(await app.gql(REPLY, { input: { caseId: a.id, body: 'More details' } }, member.token));
      const mine = ok(
        await app.gql<{ myCases: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(
          MY_CASES,
          {},
          member.token,
        ),
      ).myCases;
      expect(mine).toEqual({
        totalCount: 2,
        edges: [{ node: { id: a.id } }, { node: { id: b.id } }],
      });
    });
  });
});
