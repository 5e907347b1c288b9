import { randomUUID } from 'node:crypto';
import { GraphQLErrorShape, GraphQLResponse, ok } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

/** A well-formed global ID of `type` that names nothing. */
const unknownId = (type: string): string =>
  Buffer.from(`${type}:${randomUUID()}`).toString('base64url');
/** An ID that decodes, but not to a UUID. */
const notAUuid = Buffer.from('Thread:not-a-uuid').toString('base64url');
/** Postgres text cannot hold it, so it must be refused at the edge like any other bad input. */
const NUL = 'text with a NUL \u0000 inside';
const cursorOf = (values: unknown[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const CREATE_BOARD = `mutation($input: CreateBoardInput!) { createBoard(input: $input) { id } }`;
const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`;
const ANSWER = `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptSolution(postId: $id) { id } }`;
const UNACCEPT = `mutation($id: ID!) { unacceptSolution(threadId: $id) { id } }`;
const SET_ROLE = `mutation($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { id } }`;
const SANCTION = `mutation($input: SanctionInput!) { sanctionUser(input: $input) { id } }`;
const MARK_READ = `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;
const THREADS = `query($filter: ThreadFilter, $first: Int, $after: String) {
  threads(filter: $filter, first: $first, after: $after) { totalCount edges { cursor } }
}`;

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
  (SELECT string_agg(concat_ws('/', id, status, accepted_post_id, answer_count, thread_count),
    ',' ORDER BY id) FROM (SELECT id, status, accepted_post_id, answer_count, NULL AS thread_count
    FROM threads UNION ALL SELECT id, kind, NULL, NULL, thread_count FROM boards) AS t) AS content`;

interface Refusal {
  code: string;
  /** The input field the error must name, in `extensions.field` and in its message. */
  field?: string;
  /** What the message must say when there is no `extensions.field` (GraphQL-level errors). */
  message?: RegExp;
}

describe('bad input is refused with the right code, naming the field, writing nothing', () => {
  const app = new TestApp();
  let admin: Member;
  let moderator: Member;
  let asker: Member;
  let answerer: Member;
  let boardId: string;
  let ideasBoardId: string;
  let threadId: string;
  let postId: string;

  beforeAll(async () => {
    await app.start();
    admin = await app.member('ADMIN');
    moderator = await app.member('MODERATOR');
    asker = await app.member();
    answerer = await app.member();
    boardId = await app.board(admin, 'QUESTIONS', 'bad-input-questions');
    ideasBoardId = await app.board(admin, 'IDEAS', 'bad-input-ideas');
    threadId = await app.ask(asker, boardId);
    postId = await app.answer(answerer, threadId);
  });
  afterAll(() => app.stop());

  /** Sends `send`, checks the refusal against `expected`, and that the database did not change. */
  async function expectRefused(
    send: () => Promise<GraphQLResponse<unknown>>,
    expected: Refusal,
  ): Promise<GraphQLErrorShape> {
    const [before] = await app.sql(SNAPSHOT);
    const response = await send();
    const [error] = response.errors ?? [];
    expect(error).toBeDefined();
    const codes = (response.errors ?? []).map((e) => e.extensions?.code);
    expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
    expect(error.extensions?.code).toBe(expected.code);
    if (expected.field !== undefined) {
      expect(error.extensions?.field).toBe(expected.field);
      expect(error.message).toContain(expected.field);
    }
    if (expected.message) expect(error.message).toMatch(expected.message);
    expect(error.message).not.toMatch(/\bat .+\.(js|ts):\d+/); // never a stack trace
    expect(await app.sql(SNAPSHOT)).toEqual([before]);
    return error;
  }

  const bad = (field: string): Refusal => ({ code: 'BAD_USER_INPUT', field });
  /** Refused by GraphQL itself (types, enums, required fields): no `extensions.field`. */
  const malformed = (message: RegExp): Refusal => ({ code: 'BAD_USER_INPUT', message });
  const conflict = (message: RegExp): Refusal => ({ code: 'CONFLICT', message });
  const missing = (message: RegExp): Refusal => ({ code: 'NOT_FOUND', message });

  describe('register', () => {
    const valid = { handle: 'newcomer', email: 'newcomer@example.com', password: 'long-enough-pw' };

    it.each([
      ['a handle of 2 characters', { handle: 'ab' }, 'handle'],
      ['a handle of 31 characters', { handle: 'h'.repeat(31) }, 'handle'],
      ['a handle with a space', { handle: 'new comer' }, 'handle'],
      ['a handle with a dot', { handle: 'new.comer' }, 'handle'],
      ['a handle with an accent', { handle: 'néwcomer' }, 'handle'],
      ['an email without a domain', { email: 'newcomer@' }, 'email'],
      ['an email that is not one', { email: 'not an email' }, 'email'],
      ['a password of 9 characters', { password: 'p'.repeat(9) }, 'password'],
      ['a password of 257 characters', { password: 'p'.repeat(257) }, 'password'],
      ['a displayName with a NUL character', { displayName: NUL }, 'displayName'],
    ])('refuses %s', async (_story, change, field) => {
      await expectRefused(() => app.gql(REGISTER, { input: { ...valid, ...change } }), bad(field));
    });

    it('accepts the boundaries: a 3-character handle and passwords of 10 and 256 characters', async () => {
      for (const [handle, password] of [
        ['abc', 'p'.repeat(10)],
        ['h'.repeat(30), 'p'.repeat(256)],
      ]) {
        const input = { handle, email: `${handle}@example.com`, password };
        expect(ok(await app.gql(REGISTER, { input })).register).toBeTruthy();
      }
    });

    it.each(['handle', 'email'] as const)(
      'refuses a %s taken by someone else in another case with CONFLICT',
      async (field) => {
        const input = { ...valid, [field]: asker[field].toUpperCase() };
        await expectRefused(() => app.gql(REGISTER, { input }), conflict(new RegExp(field, 'i')));
      },
    );
  });

  describe('login', () => {
    it('gives an unknown email and a wrong password the same UNAUTHENTICATED message', async () => {
      const unknown = await expectRefused(
        () => app.gql(LOGIN, { input: { email: 'nobody@example.com', password: asker.password } }),
        { code: 'UNAUTHENTICATED' },
      );
      const wrong = await expectRefused(
        () => app.gql(LOGIN, { input: { email: asker.email, password: 'not-the-password' } }),
        { code: 'UNAUTHENTICATED' },
      );
      expect(wrong.message).toBe(unknown.message);
    });

    it('treats an email with a NUL character as a failed login or bad input, never a crash', async () => {
      const input = { email: `a${NUL}@example.com`, password: asker.password };
      const code = (await app.gql(LOGIN, { input })).errors?.[0]?.extensions?.code;
      expect(['UNAUTHENTICATED', 'BAD_USER_INPUT']).toContain(code);
    });
  });

  describe('createBoard', () => {
    const valid = { slug: 'fresh-board', name: 'Fresh', description: 'A board', kind: 'QUESTIONS' };

    it.each([
      ['an empty slug', { slug: '' }, 'slug'],
      ['a slug with capitals and spaces', { slug: 'My Board' }, 'slug'],
      ['a slug with a leading hyphen', { slug: '-board' }, 'slug'],
      ['a slug of 61 characters', { slug: 's'.repeat(61) }, 'slug'],
      ['an empty name', { name: '' }, 'name'],
      ['a blank name', { name: '    ' }, 'name'],
      ['a name of 101 characters', { name: 'n'.repeat(101) }, 'name'],
      ['a description of 1001 characters', { description: 'd'.repeat(1001) }, 'description'],
      ['a name with a NUL character', { name: NUL }, 'name'],
    ])('refuses %s', async (_story, change, field) => {
      await expectRefused(
        () => app.gql(CREATE_BOARD, { input: { ...valid, ...change } }, admin.token),
        bad(field),
      );
    });

    it('refuses a taken slug with CONFLICT', async () => {
      const input = { ...valid, slug: 'bad-input-questions' };
      await expectRefused(() => app.gql(CREATE_BOARD, { input }, admin.token), conflict(/slug/i));
    });

    it('refuses a kind outside the enum, passed as a variable, with BAD_USER_INPUT', async () => {
      const input = { ...valid, kind: 'FORUM' };
      await expectRefused(() => app.gql(CREATE_BOARD, { input }, admin.token), malformed(/kind/));
    });
  });

  describe('askQuestion', () => {
    const valid = () => ({ boardId, title: 'A perfectly good title', body: 'Body.', tags: [] });

    it.each([
      ['a title of 7 characters', { title: 't'.repeat(7) }, 'title'],
      ['a title of 201 characters', { title: 't'.repeat(201) }, 'title'],
      ['a title of only spaces', { title: ' '.repeat(12) }, 'title'],
      ['an empty body', { body: '' }, 'body'],
      ['a body of only whitespace', { body: ' \n\t ' }, 'body'],
      ['a body of 50,001 characters', { body: 'b'.repeat(50_001) }, 'body'],
      ['a title with a NUL character', { title: NUL }, 'title'],
      ['a body with a NUL character', { body: NUL }, 'body'],
      ['6 tags', { tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'tags'],
      ['a tag with uppercase', { tags: ['Voicemail'] }, 'tags'],
      ['a tag with a space', { tags: ['two words'] }, 'tags'],
      ['a tag of 31 characters', { tags: ['t'.repeat(31)] }, 'tags'],
      ['an empty tag', { tags: [''] }, 'tags'],
      ['a malformed boardId', { boardId: 'not-an-id' }, 'boardId'],
      ['a boardId of the wrong length', { boardId: unknownId('Board').slice(0, -4) }, 'boardId'],
    ])('refuses %s', async (_story, change, field) => {
      await expectRefused(
        () => app.gql(ASK, { input: { ...valid(), ...change } }, asker.token),
        bad(field),
      );
    });

    it.each([
      ['a Thread ID where a Board ID is expected', () => threadId],
      ['a question on an IDEAS board', () => ideasBoardId],
    ])('refuses %s with BAD_USER_INPUT', async (_story, id) => {
      const input = { ...valid(), boardId: id() };
      await expectRefused(() => app.gql(ASK, { input }, asker.token), bad('boardId'));
    });

    it('refuses an unknown board with NOT_FOUND', async () => {
      const input = { ...valid(), boardId: unknownId('Board') };
      await expectRefused(() => app.gql(ASK, { input }, asker.token), missing(/board/i));
    });

    it('accepts the boundaries: titles of 8 and 200 characters, 5 tags of 30, a 50,000 body', async () => {
      for (const title of ['t'.repeat(8), 't'.repeat(200)]) {
        const tags = ['a', 'b', 'c', 'd', 't'.repeat(30)];
        const input = { ...valid(), title, tags, body: 'b'.repeat(50_000) };
        expect(ok(await app.gql(ASK, { input }, asker.token))).toBeTruthy();
      }
    });
  });

  describe('postAnswer', () => {
    it.each([
      ['an empty body', () => ({ threadId, body: '' }), 'body'],
      ['a blank body', () => ({ threadId, body: '   \n  ' }), 'body'],
      ['a body of 50,001 characters', () => ({ threadId, body: 'b'.repeat(50_001) }), 'body'],
      ['a body with a NUL character', () => ({ threadId, body: NUL }), 'body'],
      ['a malformed threadId', () => ({ threadId: '!!!', body: 'Hi' }), 'threadId'],
      ['a Board ID as threadId', () => ({ threadId: boardId, body: 'Hi' }), 'threadId'],
    ])('refuses %s', async (_story, input, field) => {
      await expectRefused(() => app.gql(ANSWER, { input: input() }, answerer.token), bad(field));
    });

    it('refuses an unknown thread with NOT_FOUND', async () => {
      const input = { threadId: unknownId('Thread'), body: 'An answer to nothing' };
      await expectRefused(() => app.gql(ANSWER, { input }, answerer.token), missing(/thread/i));
    });
  });

  describe('acceptSolution and unacceptSolution', () => {
    it.each([
      ['acceptSolution', ACCEPT, 'postId', 'Post', () => threadId],
      ['unacceptSolution', UNACCEPT, 'threadId', 'Thread', () => postId],
    ])('%s refuses a malformed ID, an ID of another type, and an unknown ID', async (...row) => {
      const [, mutation, field, type, otherTypeId] = row;
      for (const id of ['garbage', notAUuid, otherTypeId()]) {
        await expectRefused(() => app.gql(mutation, { id }, asker.token), bad(field));
      }
      await expectRefused(
        () => app.gql(mutation, { id: unknownId(type) }, asker.token),
        missing(new RegExp(type, 'i')),
      );
    });
  });

  describe('setUserRole', () => {
    it.each([
      ['a malformed userId', () => 'garbage'],
      ['a Board ID as userId', () => boardId],
      ["the admin's own ID", () => admin.id],
    ])('refuses %s', async (_story, userId) => {
      await expectRefused(
        () => app.gql(SET_ROLE, { userId: userId(), role: 'MEMBER' }, admin.token),
        bad('userId'),
      );
    });

    it('refuses an unknown user with NOT_FOUND', async () => {
      await expectRefused(
        () => app.gql(SET_ROLE, { userId: unknownId('User'), role: 'AGENT' }, admin.token),
        missing(/user/i),
      );
    });

    it('refuses a role outside the enum with BAD_USER_INPUT', async () => {
      await expectRefused(
        () => app.gql(SET_ROLE, { userId: asker.id, role: 'OWNER' }, admin.token),
        malformed(/role/),
      );
    });
  });

  describe('sanctionUser', () => {
    const inAMinute = () => new Date(Date.now() + 60_000).toISOString();
    it.each([
      ['an empty reason', () => ({ reason: '' }), 'reason'],
      ['a blank reason', () => ({ reason: '   ' }), 'reason'],
      ['a reason of 501 characters', () => ({ reason: 'r'.repeat(501) }), 'reason'],
      ['a reason with a NUL character', () => ({ reason: NUL }), 'reason'],
      [
        'an until in the past',
        () => ({ until: new Date(Date.now() - 60_000).toISOString() }),
        'until',
      ],
      ['an until with status ACTIVE', () => ({ status: 'ACTIVE', until: inAMinute() }), 'until'],
      ['a malformed userId', () => ({ userId: 'garbage' }), 'userId'],
      ['a Thread ID as userId', () => ({ userId: threadId }), 'userId'],
    ])('refuses %s', async (_story, change, field) => {
      const input = { userId: answerer.id, status: 'SILENCED', reason: 'Spam', ...change() };
      await expectRefused(() => app.gql(SANCTION, { input }, moderator.token), bad(field));
    });

    it('refuses an unknown user with NOT_FOUND', async () => {
      const input = { userId: unknownId('User'), status: 'SILENCED', reason: 'Spam' };
      await expectRefused(() => app.gql(SANCTION, { input }, moderator.token), missing(/user/i));
    });

    it.each([
      ['an until that is not a date', { until: 'next tuesday' }, /until/],
      ['a status outside the enum', { status: 'BANNED' }, /status/],
    ])('refuses %s at the GraphQL level with BAD_USER_INPUT', async (_story, change, message) => {
      const input = { userId: answerer.id, status: 'SILENCED', reason: 'Spam', ...change };
      await expectRefused(() => app.gql(SANCTION, { input }, moderator.token), malformed(message));
    });
  });

  describe('markNotificationsRead', () => {
    it('refuses a malformed ID, an ID of another type or over 100 IDs, marking none read', async () => {
      const [{ id }] = await app.sql<{ id: string }>(
        `INSERT INTO notifications (id, recipient_id, kind, message, event_id)
         VALUES (gen_random_uuid(), (SELECT id FROM users WHERE handle = $1), 'NEW_ANSWER', 'hi', 1)
         RETURNING id`,
        [asker.handle],
      );
      const valid = Buffer.from(`Notification:${id}`).toString('base64url');
      const tooMany = [valid, ...Array.from({ length: 100 }, () => unknownId('Notification'))];
      for (const ids of [['garbage'], [valid, 'garbage'], [valid, threadId], tooMany]) {
        await expectRefused(() => app.gql(MARK_READ, { ids }, asker.token), bad('ids'));
      }
      expect(ok(await app.gql(MARK_READ, { ids: [valid] }, asker.token))).toEqual({
        markNotificationsRead: 1,
      });
    });
  });

  describe('lists', () => {
    it.each([
      ['first: 0', { first: 0 }, 'first'],
      ['first: 101', { first: 101 }, 'first'],
      ['first: -1', { first: -1 }, 'first'],
      ['after: "garbage"', { after: 'garbage' }, 'after'],
      ['a cursor of another shape', { after: cursorOf(['x']) }, 'after'],
      ['a forged cursor whose id is not a UUID', { after: cursorOf([0, 'x']) }, 'after'],
      [
        'a forged cursor with a date out of range',
        { after: cursorOf([1e20, randomUUID()]) },
        'after',
      ],
      ['a malformed filter.boardId', { filter: { boardId: 'garbage' } }, 'filter.boardId'],
    ])('threads refuses %s', async (_story, variables, field) => {
      await expectRefused(() => app.gql(THREADS, variables), bad(field));
    });

    it('threads refuses a filter tag that no thread can carry instead of silently matching none', async () => {
      await expectRefused(
        () => app.gql(THREADS, { filter: { tag: 'Not A Tag!' } }),
        malformed(/tag/),
      );
    });

    it('threads accepts first: 100', async () => {
      expect(ok(await app.gql(THREADS, { first: 100 }))).toBeTruthy();
    });

    it('Thread.answers and notifications refuse first: 101', async () => {
      const answers = `query($id: ID!) { thread(id: $id) { answers(first: 101) { totalCount } } }`;
      await expectRefused(() => app.gql(answers, { id: threadId }), bad('first'));
      await expectRefused(
        () => app.gql(`query { notifications(first: 101) { totalCount } }`, {}, asker.token),
        bad('first'),
      );
    });

    it.each([
      ['a string where an Int is expected', THREADS, { first: 'ten' }, /first/],
      ['a missing required input field', ASK, { input: { boardId: 'x', body: 'b' } }, /title/],
    ])('refuses %s at the GraphQL level with BAD_USER_INPUT', async (_s, query, vars, message) => {
      await expectRefused(() => app.gql(query, vars, asker.token), malformed(message));
    });

    it('refuses an unknown enum literal in the document as a document that does not validate', async () => {
      await expectRefused(() => app.gql(`{ threads(orderBy: SIDEWAYS) { totalCount } }`), {
        code: 'GRAPHQL_VALIDATION_FAILED',
        message: /SIDEWAYS/,
      });
    });
  });
});
