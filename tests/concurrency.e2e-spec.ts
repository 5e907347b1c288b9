import { checkCounters } from './support/counter-check';
import { ok, errorCode } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

describe('under parallel requests', () => {
  const app = new TestApp();
  let admin: Member;
  let boardId: string;

  beforeAll(async () => {
    await app.start();
    admin = await app.member('ADMIN');
    boardId = await app.board(admin);
  });
  afterAll(() => app.stop());

  it('counts every one of 40 answers posted at once', async () => {
    const asker = await app.member();
    const threadId = await app.ask(asker, boardId, 'Many people answer this at once');
    const members = await Promise.all(Array.from({ length: 8 }, () => app.member()));
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        app.answer(members[i % members.length], threadId, `Answer ${i}`),
      ),
    );
    const [row] = await app.sql<{ answer_count: number; posts: number }>(
      `SELECT t.answer_count, (SELECT count(*)::int FROM posts p WHERE p.thread_id = t.id) AS posts
         FROM threads t WHERE t.title = 'Many people answer this at once'`,
    );
    expect(row).toEqual({ answer_count: 40, posts: 40 });
  });

  it('counts every one of 20 questions asked at once on one board', async () => {
    const board = await app.board(admin);
    const askers = await Promise.all(Array.from({ length: 5 }, () => app.member()));
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => app.ask(askers[i % 5], board, `Parallel question ${i}`)),
    );
    const [row] = await app.sql<{ thread_count: number; threads: number }>(
      `SELECT b.thread_count, (SELECT count(*)::int FROM threads t WHERE t.board_id = b.id) AS threads
         FROM boards b WHERE b.id = (SELECT board_id FROM threads WHERE title = 'Parallel question 0')`,
    );
    expect(row).toEqual({ thread_count: 20, threads: 20 });
  });

  it('lets exactly one of ten registrations of the same handle, in any case, succeed', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        app.gql(`mutation($input: RegisterInput!) { register(input: $input) { token } }`, {
          input: {
            handle: i % 2 ? 'RaceHandle' : 'racehandle',
            email: `race${i}@example.com`,
            password: 'long-enough-password',
          },
        }),
      ),
    );
    const winners = attempts.filter((attempt) => !attempt.errors);
    expect(winners).toHaveLength(1);
    expect(attempts.filter((attempt) => attempt.errors).map(errorCode)).toEqual(
      Array(9).fill('CONFLICT'),
    );
    const [count] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM users WHERE lower(handle) = 'racehandle'`,
    );
    expect(count.n).toBe(1);
  });

  it('keeps reputation exact when the solution mark moves back and forth in parallel', async () => {
    const asker = await app.member();
    const [first, second] = await Promise.all([app.member(), app.member()]);
    const threadId = await app.ask(asker, boardId, 'Two answers compete for the mark');
    const posts = [await app.answer(first, threadId), await app.answer(second, threadId)];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app
          .gql(
            `mutation($id: ID!) { acceptSolution(postId: $id) { id } }`,
            { id: posts[i % 2] },
            asker.token,
          )
          .then(ok),
      ),
    );
    const reputations = await app.sql<{
      handle: string;
      reputation: number;
      accepted_solution_count: number;
    }>(
      `SELECT handle, reputation, accepted_solution_count FROM users WHERE handle = ANY($1) ORDER BY reputation DESC`,
      [[first.handle, second.handle]],
    );
    // Exactly one of them holds the mark and its 15 points, whatever order the requests ran in.
    expect(reputations.map((r) => [r.reputation, r.accepted_solution_count])).toEqual([
      [15, 1],
      [0, 0],
    ]);
  });

  it('moves solution marks between the same two answerers on two threads at once without a deadlock', async () => {
    const [first, second] = await Promise.all([app.member(), app.member()]);
    const threads = await Promise.all(
      [0, 1].map(async (t) => {
        const asker = await app.member();
        const threadId = await app.ask(asker, boardId, `Two answerers on thread ${t}`);
        return {
          asker,
          posts: [await app.answer(first, threadId), await app.answer(second, threadId)],
        };
      }),
    );
    // Thread 0 moves its mark first → second while thread 1 moves it second → first, and back:
    // each accept takes points from one answerer and gives them to the other.
    const replies = await Promise.all(
      Array.from({ length: 80 }, (_, i) => {
        const { asker, posts } = threads[i % 2];
        const postId = posts[(i + Math.floor(i / 2)) % 2];
        return app.gql(
          `mutation($id: ID!) { acceptSolution(postId: $id) { id } }`,
          { id: postId },
          asker.token,
        );
      }),
    );
    expect(replies.flatMap((reply) => reply.errors ?? [])).toEqual([]);
    expect(await checkCounters(app)).toEqual([]);
  });

  it('leaves every counter the schema keeps exact after all of the above', async () => {
    expect(await checkCounters(app)).toEqual([]);
  });
});
