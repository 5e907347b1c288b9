import { randomUUID } from 'node:crypto';
import { errorCode, ok } from './support/graphql-client';
import { eventually, Member, TestApp } from './support/test-app';

describe('reading the forum', () => {
  const app = new TestApp();
  let admin: Member;
  let boardId: string;

  beforeAll(async () => {
    await app.start({ worker: true });
    admin = await app.member('ADMIN');
    boardId = await app.board(admin, 'QUESTIONS', 'general');
  });
  afterAll(() => app.stop());

  it('renders bodies to sanitized HTML and keeps the markdown as written', async () => {
    const asker = await app.member();
    const body = 'Hello **there** <script>alert(1)</script> [x](javascript:alert(1))';
    const data = ok(
      await app.gql<{ askQuestion: { body: string; bodyHtml: string } }>(
        `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { body bodyHtml } }`,
        { input: { boardId, title: 'A question with hostile markup', body } },
        asker.token,
      ),
    );
    expect(data.askQuestion.body).toBe(body);
    expect(data.askQuestion.bodyHtml).toContain('<strong>there</strong>');
    expect(data.askQuestion.bodyHtml).not.toMatch(/<script|href="javascript:/);
    expect(data.askQuestion.bodyHtml).toContain('&lt;script&gt;');
  });

  it('lists boards and finds one by slug with its thread count', async () => {
    const asker = await app.member();
    await app.ask(asker, boardId, 'Counting threads on a board');
    const data = ok(
      await app.gql<{
        boards: Array<{ slug: string }>;
        board: { kind: string; threadCount: number };
      }>('{ boards { slug } board(slug: "general") { kind threadCount } }'),
    );
    expect(data.boards.map((board) => board.slug)).toContain('general');
    expect(data.board.kind).toBe('QUESTIONS');
    const [row] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM threads WHERE board_id = (SELECT id FROM boards WHERE slug = 'general')`,
    );
    expect(data.board.threadCount).toBe(row.n);
  });

  it('resolves every kind of node by its global ID, and null for unknown ones', async () => {
    const asker = await app.member();
    const answerer = await app.member();
    const threadId = await app.ask(asker, boardId, 'Looking things up by node id');
    const postId = await app.answer(answerer, threadId);
    const query = `query($id: ID!) { node(id: $id) { __typename id } }`;
    for (const [id, type] of [
      [threadId, 'Thread'],
      [postId, 'Post'],
      [boardId, 'Board'],
      [asker.id, 'User'],
    ]) {
      expect(ok(await app.gql(query, { id })).node).toEqual({ __typename: type, id });
    }
    const unknown = Buffer.from(`Thread:${randomUUID()}`).toString('base64url');
    expect(ok(await app.gql(query, { id: unknown })).node).toBeNull();
    expect(errorCode(await app.gql(query, { id: 'not-an-id' }))).toBe('BAD_USER_INPUT');

    const inbox = await eventually(
      async () =>
        ok(
          await app.gql<{ notifications: { edges: Array<{ node: { id: string } }> } }>(
            '{ notifications { edges { node { id } } } }',
            {},
            asker.token,
          ),
        ),
      (data) => data.notifications.edges.length === 1,
    );
    const notificationId = inbox.notifications.edges[0].node.id;
    expect(ok(await app.gql(query, { id: notificationId }, asker.token)).node).toEqual({
      __typename: 'Notification',
      id: notificationId,
    });
    // Someone else's notification is not theirs to read.
    expect(ok(await app.gql(query, { id: notificationId }, answerer.token)).node).toBeNull();
  });

  it('hides content that is not published from everyone but its author and moderators', async () => {
    const asker = await app.member();
    const moderator = await app.member('MODERATOR');
    const threadId = await app.ask(asker, boardId, 'A thread that will be hidden');
    await app.sql(
      `UPDATE threads SET content_status = 'HIDDEN' WHERE title = 'A thread that will be hidden'`,
    );
    const query = `query($id: ID!) { thread(id: $id) { title contentStatus } }`;
    expect(ok(await app.gql(query, { id: threadId })).thread).toBeNull();
    expect(
      ok(await app.gql(query, { id: threadId }, (await app.member()).token)).thread,
    ).toBeNull();
    expect(ok(await app.gql(query, { id: threadId }, asker.token)).thread).toEqual({
      title: 'A thread that will be hidden',
      contentStatus: 'HIDDEN',
    });
    expect(ok(await app.gql(query, { id: threadId }, moderator.token)).thread).toEqual({
      title: 'A thread that will be hidden',
      contentStatus: 'HIDDEN',
    });
    const listed = ok(
      await app.gql<{ threads: { edges: Array<{ node: { title: string } }> } }>(
        '{ threads(first: 100) { edges { node { title } } } }',
      ),
    );
    expect(listed.threads.edges.map((edge) => edge.node.title)).not.toContain(
      'A thread that will be hidden',
    );
  });

  it('marks chosen notifications read, or all with null, and says how many changed', async () => {
    const asker = await app.member();
    const threadId = await app.ask(asker, boardId, 'A thread that gets three answers');
    for (let i = 0; i < 3; i++)
      await app.answer(await app.member(), threadId, `Answer number ${i}`);
    const inbox = await eventually(
      async () =>
        ok(
          await app.gql<{ notifications: { edges: Array<{ node: { id: string } }> } }>(
            '{ notifications { edges { node { id } } } }',
            {},
            asker.token,
          ),
        ),
      (data) => data.notifications.edges.length === 3,
    );
    const [first] = inbox.notifications.edges.map((edge) => edge.node.id);
    const mark = 'mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }';
    expect(ok(await app.gql(mark, { ids: [first] }, asker.token))).toEqual({
      markNotificationsRead: 1,
    });
    expect(ok(await app.gql(mark, { ids: [first] }, asker.token))).toEqual({
      markNotificationsRead: 0,
    });
    const unread = ok(
      await app.gql<{ unreadNotificationCount: number; notifications: { totalCount: number } }>(
        '{ unreadNotificationCount notifications(unreadOnly: true) { totalCount } }',
        {},
        asker.token,
      ),
    );
    expect(unread).toEqual({ unreadNotificationCount: 2, notifications: { totalCount: 2 } });
    expect(ok(await app.gql(mark, { ids: null }, asker.token))).toEqual({
      markNotificationsRead: 2,
    });
    expect(ok(await app.gql('{ unreadNotificationCount }', {}, asker.token))).toEqual({
      unreadNotificationCount: 0,
    });
  });
});
