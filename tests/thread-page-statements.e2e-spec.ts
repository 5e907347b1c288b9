import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { ok } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

/** What the site's thread page asks (apps/web/app/routes/thread.tsx and its fragments). */
const THREAD_PAGE = `query ThreadPage($id: ID!) {
  viewer { id role }
  thread(id: $id) {
    id title bodyHtml tags status contentStatus createdAt answerCount viewerIsSubscribed
    board { id slug name }
    author { ...ForumAuthor }
    acceptedSolution { ...ForumPost }
    answers(first: 20, orderBy: OLDEST) {
      edges { node { ...ForumPost } }
      pageInfo { hasNextPage endCursor }
    }
  }
}
fragment ForumAuthor on User { id handle displayName rank role }
fragment ForumPost on Post {
  id bodyHtml status createdAt editedAt kudosCount viewerHasGivenKudo isAcceptedSolution official
  author { ...ForumAuthor }
  correction { id noteHtml createdAt moderator { ...ForumAuthor } }
  revisions { id body reason createdAt editor { id displayName } }
}`;

interface PageData {
  viewer: { id: string } | null;
  thread: {
    author: { handle: string };
    acceptedSolution: { id: string; correction: { moderator: { handle: string } } | null };
    answers: {
      edges: Array<{
        node: {
          id: string;
          viewerHasGivenKudo: boolean;
          author: { handle: string };
          correction: { moderator: { handle: string } } | null;
          revisions: Array<{ editor: { displayName: string } }>;
        };
      }>;
    };
  };
}

describe('the statements of a thread page', () => {
  const app = new TestApp();
  let admin: Member;
  let asker: Member;
  let reader: Member;
  let threadId: string;
  let postIds: string[];

  const gql = (token?: string) => app.gql<PageData>(THREAD_PAGE, { id: threadId }, token);

  beforeAll(async () => {
    await app.start();
    admin = await app.member('ADMIN');
    asker = await app.member();
    reader = await app.member();
    const boardId = await app.board(admin);
    threadId = await app.ask(asker, boardId, 'A thread with authors at every depth');
    const answerers = await Promise.all(Array.from({ length: 6 }, () => app.member()));
    postIds = [];
    for (let i = 0; i < 12; i++) {
      postIds.push(await app.answer(answerers[i % 6], threadId, `Answer number ${i}`));
    }
    ok(
      await app.gql(
        'mutation($id: ID!) { acceptSolution(postId: $id) { id } }',
        { id: postIds[5] },
        asker.token,
      ),
    );
    // Corrections (the solution's among them), earlier versions and kudos on a few answers.
    for (const postId of [postIds[5], postIds[1], postIds[9]]) {
      ok(
        await app.gql(
          'mutation($input: CorrectPostInput!) { correctPost(input: $input) { id } }',
          { input: { postId, note: 'This advice is out of date' } },
          admin.token,
        ),
      );
    }
    for (const postId of [postIds[5], postIds[2], postIds[3]]) {
      ok(
        await app.gql(
          'mutation($input: EditPostInput!) { editPost(input: $input) { id } }',
          { input: { postId, body: 'An edited answer' } },
          admin.token,
        ),
      );
    }
    for (const postId of [postIds[5], postIds[4]]) {
      ok(
        await app.gql(
          'mutation($id: ID!) { giveKudo(postId: $id) { id } }',
          { id: postId },
          reader.token,
        ),
      );
    }
  });
  afterAll(() => app.stop());

  /** The statements the API sends while `run` runs (nothing else runs meanwhile). */
  async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      await run();
      return spy.mock.calls.map(([sql]) => sql.replace(/\s+/g, ' '));
    } finally {
      spy.mockRestore();
    }
  }

  const reading = (table: string) => (sql: string) => new RegExp(`FROM "?${table}"? `).test(sql);

  function expectPage(data: PageData): void {
    const { thread } = data;
    expect(thread.author.handle).toBe(asker.handle);
    expect(thread.acceptedSolution.correction?.moderator.handle).toBe(admin.handle);
    const nodes = thread.answers.edges.map((edge) => edge.node);
    // The solution leads the page, then the other eleven.
    expect(nodes.map((node) => node.id)).toHaveLength(12);
    expect(nodes.filter((node) => node.correction).length).toBe(3);
    expect(nodes.filter((node) => node.revisions.length > 0).length).toBe(3);
    expect(nodes.every((node) => node.author.handle.startsWith('user'))).toBe(true);
  }

  it('reads the thread, its board, solution, answers, corrections, versions and every author in 7 statements, anonymously', async () => {
    await gql(); // The first request warms the schema and the pool, not the count.
    let data: PageData | undefined;
    const statements = await statementsOf(async () => {
      data = ok(await gql());
    });
    expectPage(data as PageData);
    // Authors of the thread, the solution and the answers, and the moderators and editors
    // under them, are one batch; so are the corrections and the earlier versions.
    expect(statements.filter(reading('users'))).toHaveLength(1);
    expect(statements.filter(reading('corrections'))).toHaveLength(1);
    expect(statements.filter(reading('post_revisions'))).toHaveLength(1);
    expect(statements.length).toBeLessThanOrEqual(7);
  });

  it('adds only the session, the subscription and the kudos for a signed-in reader', async () => {
    let data: PageData | undefined;
    const statements = await statementsOf(async () => {
      data = ok(await gql(reader.token));
    });
    expectPage(data as PageData);
    expect(data?.viewer?.id).toBe(reader.id);
    const given = data?.thread.answers.edges.filter((edge) => edge.node.viewerHasGivenKudo);
    expect(given).toHaveLength(2);
    // The viewer's own member row comes in the same batch as the authors.
    expect(statements.filter(reading('users'))).toHaveLength(1);
    expect(statements.filter(reading('sessions'))).toHaveLength(1);
    // The kudos on the solution and on the answers: one statement.
    expect(statements.filter(reading('kudos'))).toHaveLength(1);
    expect(statements.length).toBeLessThanOrEqual(10);
  });

  it('never reads the password hash of a member it shows', async () => {
    const statements = await statementsOf(async () => {
      ok(await gql(reader.token));
    });
    expect(statements.some((sql) => /password_hash/.test(sql))).toBe(false);
  });
});
