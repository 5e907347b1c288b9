import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { ok } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

const THREAD_PAGE = `query($id: ID!, $first: Int) {
  thread(id: $id) {
    title tags status answerCount viewerIsSubscribed
    author { handle rank } board { name }
    acceptedSolution { id author { handle } }
    answers(first: $first, orderBy: MOST_KUDOS) {
      totalCount
      edges { node {
        body bodyHtml kudosCount viewerHasGivenKudo isAcceptedSolution editedAt
        author { handle rank reputation }
        thread { title }
        correction { note }
        revisions { body editor { handle } }
      } }
    }
  }
}`;

describe('a thread page', () => {
  const app = new TestApp();
  let admin: Member;
  let boardId: string;

  beforeAll(async () => {
    await app.start();
    admin = await app.member('ADMIN');
    boardId = await app.board(admin);
  });
  afterAll(() => app.stop());

  async function threadWithAnswers(count: number): Promise<{ threadId: string; reader: Member }> {
    const asker = await app.member();
    const threadId = await app.ask(asker, boardId, `A thread with ${count} answers`);
    const answerers = await Promise.all(Array.from({ length: 10 }, () => app.member()));
    const postIds: string[] = [];
    for (let i = 0; i < count; i++)
      postIds.push(await app.answer(answerers[i % 10], threadId, `Answer ${i}`));
    const reader = await app.member();
    for (const postId of postIds.slice(0, 5)) {
      ok(
        await app.gql(
          'mutation($id: ID!) { giveKudo(postId: $id) { id } }',
          { id: postId },
          reader.token,
        ),
      );
      ok(
        await app.gql(
          'mutation($input: EditPostInput!) { editPost(input: $input) { id } }',
          { input: { postId, body: 'Edited answer' } },
          admin.token,
        ),
      );
    }
    ok(
      await app.gql(
        'mutation($id: ID!) { acceptSolution(postId: $id) { id } }',
        { id: postIds[7] },
        asker.token,
      ),
    );
    return { threadId, reader };
  }

  async function countQueries(run: () => Promise<unknown>): Promise<number> {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      await run();
      return spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
  }

  it('costs the same small number of SQL statements with 20 answers as with 50', async () => {
    const small = await threadWithAnswers(20);
    const large = await threadWithAnswers(50);
    const load =
      ({ threadId, reader }: { threadId: string; reader: Member }, first: number) =>
      async () => {
        const data = ok(
          await app.gql<{ thread: { answers: { edges: unknown[] } } }>(
            THREAD_PAGE,
            { id: threadId, first },
            reader.token,
          ),
        );
        expect(data.thread.answers.edges).toHaveLength(first);
      };
    const forTwenty = await countQueries(load(small, 20));
    const forFifty = await countQueries(load(large, 50));
    expect(forFifty).toBe(forTwenty);
    // Viewer, thread, board, subscription, solution, page, count, kudos, revisions and the batched authors.
    expect(forTwenty).toBeGreaterThan(5);
    expect(forTwenty).toBeLessThanOrEqual(14);
  });
});
