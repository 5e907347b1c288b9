import { errorCode, ok } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { body bodyHtml editedAt revisions { body reason editor { handle } } } }`;
const DELETE = `mutation($id: ID!, $reason: String) { deletePost(postId: $id, reason: $reason) { status } }`;

describe('editing and deleting answers', () => {
  const app = new TestApp();
  let admin: Member;
  let boardId: string;

  beforeAll(async () => {
    await app.start();
    admin = await app.member('ADMIN');
    boardId = await app.board(admin);
  });
  afterAll(() => app.stop());

  async function answer() {
    const [asker, author] = [await app.member(), await app.member()];
    const threadId = await app.ask(asker, boardId, 'How do I reset my voicemail PIN?');
    const postId = await app.answer(author, threadId, 'Call 121 and press 9.');
    return { asker, author, threadId, postId };
  }

  it('keeps the old body as a revision and sets editedAt', async () => {
    const { author, postId } = await answer();
    const edited = ok(
      await app.gql<{
        editPost: { body: string; bodyHtml: string; editedAt: string; revisions: unknown[] };
      }>(
        EDIT,
        { input: { postId, body: 'Call **121** and press 8.', reason: 'wrong key' } },
        author.token,
      ),
    );
    expect(edited.editPost.body).toBe('Call **121** and press 8.');
    expect(edited.editPost.bodyHtml).toContain('<strong>121</strong>');
    expect(edited.editPost.editedAt).toEqual(expect.any(String));
    expect(edited.editPost.revisions).toEqual([
      { body: 'Call 121 and press 9.', reason: 'wrong key', editor: { handle: author.handle } },
    ]);
  });

  it("lets a moderator edit anyone's answer, and refuses other members and the anonymous", async () => {
    const { asker, postId } = await answer();
    const moderator = await app.member('MODERATOR');
    const agent = await app.member('AGENT');
    ok(await app.gql(EDIT, { input: { postId, body: 'Edited by a moderator.' } }, moderator.token));
    for (const token of [asker.token, agent.token]) {
      expect(errorCode(await app.gql(EDIT, { input: { postId, body: 'Hijacked' } }, token))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await app.gql(DELETE, { id: postId }, token))).toBe('FORBIDDEN');
    }
    expect(errorCode(await app.gql(EDIT, { input: { postId, body: 'Hijacked' } }))).toBe(
      'UNAUTHENTICATED',
    );
    const [row] = await app.sql<{ body: string; status: string }>(
      'SELECT body, status FROM posts WHERE body LIKE $1',
      ['Edited by a moderator.'],
    );
    expect(row).toEqual({ body: 'Edited by a moderator.', status: 'PUBLISHED' });
  });

  it.each([
    ['an empty body', { body: '' }, 'body'],
    ['a blank body', { body: '   ' }, 'body'],
    ['a body over 50,000 characters', { body: 'x'.repeat(50001) }, 'body'],
    ['a reason over 500 characters', { body: 'fine', reason: 'r'.repeat(501) }, 'reason'],
  ])('refuses %s and keeps the post as it was', async (_label, change, field) => {
    const { author, postId } = await answer();
    const reply = await app.gql(EDIT, { input: { postId, ...change } }, author.token);
    expect(errorCode(reply)).toBe('BAD_USER_INPUT');
    expect(reply.errors?.[0].extensions?.field).toBe(field);
    expect(
      await app.sql(
        'SELECT count(*)::int AS n FROM post_revisions WHERE post_id IN (SELECT id FROM posts WHERE edited_at IS NOT NULL AND body = $1)',
        ['Call 121 and press 9.'],
      ),
    ).toEqual([{ n: 0 }]);
  });

  it('soft-deletes: gone for readers and counts, kept for moderators, and no longer the solution', async () => {
    const { asker, author, threadId, postId } = await answer();
    ok(
      await app.gql(
        `mutation($id: ID!) { acceptSolution(postId: $id) { id } }`,
        { id: postId },
        asker.token,
      ),
    );
    expect(
      ok(await app.gql(DELETE, { id: postId, reason: 'posted in error' }, author.token)),
    ).toEqual({ deletePost: { status: 'DELETED' } });

    const THREAD = `query($id: ID!) { thread(id: $id) { status answerCount acceptedSolution { id } answers { totalCount edges { node { id status } } } } }`;
    expect(ok(await app.gql(THREAD, { id: threadId })).thread).toEqual({
      status: 'OPEN',
      answerCount: 0,
      acceptedSolution: null,
      answers: { totalCount: 0, edges: [] },
    });
    expect(ok(await app.gql(THREAD, { id: threadId }, author.token)).thread).toMatchObject({
      answers: { totalCount: 0 },
    });
    const moderator = await app.member('MODERATOR');
    expect(ok(await app.gql(THREAD, { id: threadId }, moderator.token)).thread).toMatchObject({
      answers: { totalCount: 1, edges: [{ node: { id: postId, status: 'DELETED' } }] },
    });
    const [row] = await app.sql<{ body: string; reputation: number }>(
      `SELECT p.body, u.reputation FROM posts p JOIN users u ON u.id = p.author_id WHERE p.delete_reason = 'posted in error'`,
    );
    expect(row).toEqual({ body: 'Call 121 and press 9.', reputation: 0 });
    expect(
      errorCode(await app.gql(EDIT, { input: { postId, body: 'Back again' } }, author.token)),
    ).toBe('NOT_FOUND');
  });

  it('follows and unfollows threads, idempotently', async () => {
    const { threadId } = await answer();
    const reader = await app.member();
    const FOLLOWED = `query($id: ID!) { thread(id: $id) { viewerIsSubscribed } }`;
    for (let i = 0; i < 2; i++)
      expect(
        ok(
          await app.gql(
            `mutation($id: ID!) { subscribe(targetId: $id) }`,
            { id: threadId },
            reader.token,
          ),
        ),
      ).toEqual({ subscribe: true });
    expect(ok(await app.gql(FOLLOWED, { id: threadId }, reader.token))).toEqual({
      thread: { viewerIsSubscribed: true },
    });
    for (let i = 0; i < 2; i++)
      expect(
        ok(
          await app.gql(
            `mutation($id: ID!) { unsubscribe(targetId: $id) }`,
            { id: threadId },
            reader.token,
          ),
        ),
      ).toEqual({ unsubscribe: true });
    expect(ok(await app.gql(FOLLOWED, { id: threadId }, reader.token))).toEqual({
      thread: { viewerIsSubscribed: false },
    });
    expect(
      errorCode(await app.gql(`mutation($id: ID!) { subscribe(targetId: $id) }`, { id: threadId })),
    ).toBe('UNAUTHENTICATED');
    expect(
      errorCode(await app.gql(`mutation { subscribe(targetId: "bad") }`, {}, reader.token)),
    ).toBe('BAD_USER_INPUT');
    const unknown = Buffer.from('Thread:00000000-0000-4000-8000-000000000000').toString(
      'base64url',
    );
    expect(
      errorCode(
        await app.gql(
          `mutation($id: ID!) { subscribe(targetId: $id) }`,
          { id: unknown },
          reader.token,
        ),
      ),
    ).toBe('NOT_FOUND');
  });
});
