import { GraphQLResponse, ok } from './support/graphql-client';
import { eventually, Member, TestApp } from './support/test-app';

const CREATE_BOARD = `mutation($input: CreateBoardInput!) { createBoard(input: $input) { id } }`;
const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`;
const ANSWER = `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptSolution(postId: $id) { status } }`;
const UNACCEPT = `mutation($id: ID!) { unacceptSolution(threadId: $id) { status } }`;
const SET_ROLE = `mutation($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { role } }`;
const SANCTION = `mutation($input: SanctionInput!) { sanctionUser(input: $input) { status } }`;
const MARK_READ = `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const VIEWER = `query { viewer { handle status } }`;

/** Everything a refused call could have written: row counts and the mutable state of rows. */
const SNAPSHOT = `SELECT
  (SELECT count(*) FROM users)::int AS users,
  (SELECT count(*) FROM boards)::int AS boards,
  (SELECT count(*) FROM threads)::int AS threads,
  (SELECT count(*) FROM posts)::int AS posts,
  (SELECT count(*) FROM thread_subscriptions)::int AS subscriptions,
  (SELECT count(*) FROM outbox)::int AS events,
  (SELECT count(*) FROM notifications WHERE read_at IS NULL)::int AS unread,
  (SELECT string_agg(concat_ws('/', id, role, status, status_reason, status_until, reputation),
    ',' ORDER BY id) FROM users) AS members,
  (SELECT string_agg(concat_ws('/', id, status, accepted_post_id, answer_count),
    ',' ORDER BY id) FROM threads) AS threads_state`;

const ROLES = ['MEMBER', 'AGENT', 'MODERATOR', 'PRODUCT_MANAGER'] as const;
type Role = (typeof ROLES)[number];
const A: Record<Role, string> = {
  MEMBER: 'a member',
  AGENT: 'an agent',
  MODERATOR: 'a moderator',
  PRODUCT_MANAGER: 'a product manager',
};
/** it.each rows of [story, role] for `roles`. */
const as = (...roles: Role[]): Array<[string, Role]> => roles.map((role) => [A[role], role]);

/** The same claims as `token` but for `userId`, with the original signature: a forgery. */
function forge(token: string, userId: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const sub = Buffer.from(userId, 'base64url').toString().split(':')[1];
  const forged = Buffer.from(JSON.stringify({ ...claims, sub })).toString('base64url');
  return [header, forged, signature].join('.');
}

describe('who may call which mutation', () => {
  const app = new TestApp();
  let admin: Member;
  const staff = {} as Record<Role, Member>;
  let asker: Member;
  let answerer: Member;
  let boardId: string;

  beforeAll(async () => {
    await app.start();
    admin = await app.member('ADMIN');
    for (const role of ROLES) staff[role] = await app.member(role);
    asker = await app.member();
    answerer = await app.member();
    boardId = await app.board(admin);
  });
  afterAll(() => app.stop());

  /** Sends `send`, expects it refused with `code`, and that the database did not change. */
  async function expectRefused(
    send: () => Promise<GraphQLResponse<unknown>>,
    code: 'UNAUTHENTICATED' | 'FORBIDDEN',
  ): Promise<void> {
    const [before] = await app.sql(SNAPSHOT);
    const response = await send();
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual([code]);
    expect(await app.sql(SNAPSHOT)).toEqual([before]);
  }

  /** A fresh thread by `asker` with one answer by `answerer`. */
  async function answeredThread(): Promise<{ threadId: string; postId: string }> {
    const threadId = await app.ask(asker, boardId, 'Why is my signal weak indoors?');
    return { threadId, postId: await app.answer(answerer, threadId) };
  }

  const sanction = (by: Member, user: Member, status: string, until?: Date) =>
    app.gql(SANCTION, { input: { userId: user.id, status, reason: 'Test', until } }, by.token);

  const threadStatus = async (threadId: string) =>
    (
      await app.sql<{ status: string }>('SELECT status FROM threads WHERE id = $1', [
        Buffer.from(threadId, 'base64url').toString().split(':')[1],
      ])
    )[0].status;

  describe('admin-only operations', () => {
    const newBoard = { slug: 'not-allowed', name: 'No', description: '', kind: 'QUESTIONS' };

    it.each(as(...ROLES))('refuses createBoard to %s with FORBIDDEN', async (_who, role) => {
      await expectRefused(
        () => app.gql(CREATE_BOARD, { input: newBoard }, staff[role].token),
        'FORBIDDEN',
      );
    });

    it.each(as(...ROLES))('refuses setUserRole to %s, even on themselves', async (_who, role) => {
      const self = staff[role];
      await expectRefused(
        () => app.gql(SET_ROLE, { userId: self.id, role: 'ADMIN' }, self.token),
        'FORBIDDEN',
      );
      await expectRefused(
        () => app.gql(SET_ROLE, { userId: asker.id, role: 'MODERATOR' }, self.token),
        'FORBIDDEN',
      );
    });

    it('lets an admin create a board and change a role', async () => {
      const input = { ...newBoard, slug: 'allowed' };
      expect(ok(await app.gql(CREATE_BOARD, { input }, admin.token))).toBeTruthy();
      const promoted = await app.member();
      const role = { userId: promoted.id, role: 'AGENT' };
      expect(ok(await app.gql(SET_ROLE, role, admin.token))).toEqual({
        setUserRole: { role: 'AGENT' },
      });
    });
  });

  describe('sanctionUser', () => {
    it.each(as('MEMBER', 'AGENT', 'PRODUCT_MANAGER'))(
      'refuses sanctionUser to %s with FORBIDDEN',
      async (_who, role) => {
        await expectRefused(() => sanction(staff[role], answerer, 'SUSPENDED'), 'FORBIDDEN');
      },
    );

    it('refuses a moderator sanctioning another moderator or an admin', async () => {
      const otherModerator = await app.member('MODERATOR');
      await expectRefused(() => sanction(staff.MODERATOR, otherModerator, 'SILENCED'), 'FORBIDDEN');
      await expectRefused(() => sanction(staff.MODERATOR, admin, 'SUSPENDED'), 'FORBIDDEN');
    });

    it('refuses an admin sanctioning another admin or a moderator, saying to change the role first', async () => {
      const otherAdmin = await app.member('ADMIN');
      const otherModerator = await app.member('MODERATOR');
      for (const target of [otherAdmin, otherModerator]) {
        for (const status of ['SILENCED', 'SUSPENDED', 'ACTIVE']) {
          await expectRefused(() => sanction(admin, target, status), 'FORBIDDEN');
          const [error] = (await sanction(admin, target, status)).errors ?? [];
          expect(error.message).toMatch(/cannot be sanctioned; change their role with setUserRole/);
        }
      }
    });

    it('lets an admin sanction a former moderator once setUserRole has demoted them', async () => {
      const former = await app.member('MODERATOR');
      await expectRefused(() => sanction(admin, former, 'SUSPENDED'), 'FORBIDDEN');
      ok(await app.gql(SET_ROLE, { userId: former.id, role: 'MEMBER' }, admin.token));
      expect(ok(await sanction(admin, former, 'SUSPENDED'))).toEqual({
        sanctionUser: { status: 'SUSPENDED' },
      });
    });
  });

  describe('anonymous callers and bad tokens', () => {
    let thread: { threadId: string; postId: string };
    beforeAll(async () => {
      thread = await answeredThread();
    });
    const calls: Array<[string, (token?: string) => Promise<GraphQLResponse<unknown>>]> = [
      [
        'createBoard',
        (t) =>
          app.gql(
            CREATE_BOARD,
            { input: { slug: 'anon', name: 'A', description: '', kind: 'QUESTIONS' } },
            t,
          ),
      ],
      ['setUserRole', (t) => app.gql(SET_ROLE, { userId: asker.id, role: 'ADMIN' }, t)],
      [
        'sanctionUser',
        (t) =>
          app.gql(SANCTION, { input: { userId: asker.id, status: 'SUSPENDED', reason: 'x' } }, t),
      ],
      [
        'askQuestion',
        (t) => app.gql(ASK, { input: { boardId, title: 'An anonymous question', body: 'Hi' } }, t),
      ],
      [
        'postAnswer',
        (t) => app.gql(ANSWER, { input: { threadId: thread.threadId, body: 'Hi' } }, t),
      ],
      ['acceptSolution', (t) => app.gql(ACCEPT, { id: thread.postId }, t)],
      ['unacceptSolution', (t) => app.gql(UNACCEPT, { id: thread.threadId }, t)],
      ['markNotificationsRead', (t) => app.gql(MARK_READ, { ids: null }, t)],
    ];

    it.each(calls)('refuses %s without a token with UNAUTHENTICATED', async (_name, call) => {
      await expectRefused(() => call(), 'UNAUTHENTICATED');
    });

    it.each(calls)('refuses %s with a garbage token with UNAUTHENTICATED', async (_name, call) => {
      await expectRefused(() => call('not-a-token'), 'UNAUTHENTICATED');
    });

    it.each(calls)(
      "refuses %s with a member's token rewritten to claim the admin",
      async (_name, call) => {
        await expectRefused(() => call(forge(asker.token, admin.id)), 'UNAUTHENTICATED');
      },
    );

    it('refuses a forged token even on public queries, so a client never thinks it is signed in', async () => {
      for (const query of [VIEWER, `query { boards { id } }`]) {
        const response = await app.gql(query, {}, forge(asker.token, admin.id));
        expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(JSON.stringify(response.data)).not.toContain(admin.handle);
      }
    });
  });

  describe('choosing the solution', () => {
    it.each(as('MEMBER', 'PRODUCT_MANAGER'))(
      'refuses acceptSolution and unacceptSolution to %s who did not ask',
      async (_who, role) => {
        const { threadId, postId } = await answeredThread();
        await expectRefused(() => app.gql(ACCEPT, { id: postId }, staff[role].token), 'FORBIDDEN');
        ok(await app.gql(ACCEPT, { id: postId }, asker.token));
        await expectRefused(
          () => app.gql(UNACCEPT, { id: threadId }, staff[role].token),
          'FORBIDDEN',
        );
        expect(await threadStatus(threadId)).toBe('SOLVED');
      },
    );

    it('refuses the answerer, who is not the asker, to accept their own answer', async () => {
      const { postId } = await answeredThread();
      await expectRefused(() => app.gql(ACCEPT, { id: postId }, answerer.token), 'FORBIDDEN');
    });

    it.each(as('AGENT', 'MODERATOR'))(
      'lets %s accept and unaccept in a thread they did not ask',
      async (_who, role) => {
        const { threadId, postId } = await answeredThread();
        const token = staff[role].token;
        expect(ok(await app.gql(ACCEPT, { id: postId }, token))).toEqual({
          acceptSolution: { status: 'SOLVED' },
        });
        expect(ok(await app.gql(UNACCEPT, { id: threadId }, token))).toEqual({
          unacceptSolution: { status: 'OPEN' },
        });
      },
    );
  });

  describe('sanctions', () => {
    it('a silenced member can read and mark notifications read, but not ask, answer or accept', async () => {
      const member = await app.member();
      const ownThread = await app.ask(member, boardId, 'A question asked before the silence');
      const postId = await app.answer(answerer, ownThread);
      expect(ok(await sanction(staff.MODERATOR, member, 'SILENCED'))).toEqual({
        sanctionUser: { status: 'SILENCED' },
      });

      const input = { boardId, title: 'A question while silenced', body: 'Hi' };
      await expectRefused(() => app.gql(ASK, { input }, member.token), 'FORBIDDEN');
      const answer = { threadId: ownThread, body: 'Hi' };
      await expectRefused(() => app.gql(ANSWER, { input: answer }, member.token), 'FORBIDDEN');
      await expectRefused(() => app.gql(ACCEPT, { id: postId }, member.token), 'FORBIDDEN');

      expect(ok(await app.gql(VIEWER, {}, member.token))).toEqual({
        viewer: { handle: member.handle, status: 'SILENCED' },
      });
      const read = `query($id: ID!) { thread(id: $id) { answerCount } boards { id } }`;
      expect(ok(await app.gql(read, { id: ownThread }, member.token))).toMatchObject({
        thread: { answerCount: 1 },
      });
      await app.sql(
        `INSERT INTO notifications (id, recipient_id, kind, message, event_id)
         SELECT gen_random_uuid(), id, 'NEW_ANSWER', 'An answer', 1 FROM users WHERE handle = $1`,
        [member.handle],
      );
      expect(ok(await app.gql(MARK_READ, { ids: null }, member.token))).toEqual({
        markNotificationsRead: 1,
      });
    });

    it('a suspended member cannot use their existing token, not even to read, nor log in', async () => {
      const member = await app.member();
      ok(await sanction(staff.MODERATOR, member, 'SUSPENDED'));
      for (const query of [VIEWER, `query { boards { id } }`]) {
        await expectRefused(() => app.gql(query, {}, member.token), 'UNAUTHENTICATED');
      }
      await expectRefused(() => app.gql(MARK_READ, { ids: null }, member.token), 'UNAUTHENTICATED');
      const credentials = { email: member.email, password: member.password };
      await expectRefused(() => app.gql(LOGIN, { input: credentials }), 'UNAUTHENTICATED');
    });

    it('status ACTIVE lifts a silence and a suspension at once', async () => {
      const silenced = await app.member();
      const suspended = await app.member();
      ok(await sanction(staff.MODERATOR, silenced, 'SILENCED'));
      ok(await sanction(admin, suspended, 'SUSPENDED'));
      ok(await sanction(staff.MODERATOR, silenced, 'ACTIVE'));
      ok(await sanction(admin, suspended, 'ACTIVE'));

      expect(
        ok(
          await app.gql(
            ASK,
            { input: { boardId, title: 'Allowed to ask again', body: 'Hi' } },
            silenced.token,
          ),
        ),
      ).toBeTruthy();
      const credentials = { email: suspended.email, password: suspended.password };
      const { login } = ok(
        await app.gql<{ login: { token: string } }>(LOGIN, { input: credentials }),
      );
      expect(ok(await app.gql(VIEWER, {}, login.token))).toEqual({
        viewer: { handle: suspended.handle, status: 'ACTIVE' },
      });
    });

    it('a sanction with `until` a moment ahead lifts by itself when that moment passes', async () => {
      const silenced = await app.member();
      const suspended = await app.member();
      const until = new Date(Date.now() + 1500);
      ok(await sanction(staff.MODERATOR, silenced, 'SILENCED', until));
      ok(await sanction(staff.MODERATOR, suspended, 'SUSPENDED', until));

      const input = { boardId, title: 'Asked once the silence is over', body: 'Hi' };
      const credentials = { email: suspended.email, password: suspended.password };
      await expectRefused(() => app.gql(ASK, { input }, silenced.token), 'FORBIDDEN');
      await expectRefused(() => app.gql(LOGIN, { input: credentials }), 'UNAUTHENTICATED');

      await new Promise((resolve) => setTimeout(resolve, until.getTime() - Date.now() + 50));
      expect(ok(await app.gql(ASK, { input }, silenced.token))).toBeTruthy();
      const viewer = await eventually(
        () => app.gql(VIEWER, {}, suspended.token),
        (response) => !response.errors,
        2000,
      );
      expect(viewer.data).toEqual({ viewer: { handle: suspended.handle, status: 'ACTIVE' } });
      expect(ok(await app.gql(LOGIN, { input: credentials }))).toBeTruthy();
    });
  });
});
