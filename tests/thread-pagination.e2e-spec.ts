import { ok } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

interface ThreadPage {
  threads: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { id: string; title: string } }>;
  };
}

const THREADS = `query($filter: ThreadFilter, $orderBy: ThreadOrder, $first: Int, $after: String) {
  threads(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id title } }
  }
}`;

describe('thread lists', () => {
  const app = new TestApp();
  let admin: Member;
  let asker: Member;
  let boardId: string;

  beforeAll(async () => {
    await app.start();
    admin = await app.member('ADMIN');
    asker = await app.member();
    boardId = await app.board(admin);
  });
  afterAll(() => app.stop());

  async function walk(
    orderBy: string,
    filter: object,
    first: number,
    between?: () => Promise<void>,
  ) {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const page: ThreadPage = ok(
        await app.gql<ThreadPage>(THREADS, { filter, orderBy, first, after }),
      );
      seen.push(...page.threads.edges.map((edge) => edge.node.title));
      expect(page.threads.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.threads.pageInfo.hasNextPage) return seen;
      after = page.threads.pageInfo.endCursor;
      await between?.();
    }
    throw new Error('pagination did not end');
  }

  it.each(['LAST_ACTIVITY', 'NEWEST'])(
    'pages through %s with no repeats or gaps while new threads arrive between pages',
    async (orderBy) => {
      const board = await app.board(admin);
      // Created in parallel, so many share a millisecond: the id breaks the ties.
      const titles = Array.from({ length: 25 }, (_, i) => `Original question number ${i}`);
      await Promise.all(titles.map((title) => app.ask(asker, board, title)));
      let extra = 0;
      const seen = await walk(orderBy, { boardId: board }, 7, async () => {
        await app.ask(asker, board, `Question that arrived later ${extra++}`);
      });
      const originals = seen.filter((title) => title.startsWith('Original'));
      expect(new Set(seen).size).toBe(seen.length);
      expect(originals.sort()).toEqual([...titles].sort());
    },
  );

  it('orders by last activity: an answered thread comes back to the top', async () => {
    const board = await app.board(admin);
    const first = await app.ask(asker, board, 'The oldest question here');
    await app.ask(asker, board, 'The newer question here');
    await app.answer(admin, first);
    const byActivity = await walk('LAST_ACTIVITY', { boardId: board }, 10);
    const byCreation = await walk('NEWEST', { boardId: board }, 10);
    expect(byActivity).toEqual(['The oldest question here', 'The newer question here']);
    expect(byCreation).toEqual(['The newer question here', 'The oldest question here']);
  });

  it('filters by tag, status and unanswered, with matching totals', async () => {
    const board = await app.board(admin);
    const solvedThread = await app.ask(asker, board, 'Solved question about esim', ['esim']);
    await app.ask(asker, board, 'Open question about esim too', ['esim', 'ios']);
    await app.ask(asker, board, 'Unrelated question on billing', ['billing']);
    const postId = await app.answer(admin, solvedThread);
    ok(
      await app.gql(
        `mutation($id: ID!) { acceptSolution(postId: $id) { id } }`,
        { id: postId },
        asker.token,
      ),
    );

    const count = async (filter: object) =>
      ok(await app.gql<ThreadPage>(THREADS, { filter: { boardId: board, ...filter } })).threads;

    expect((await count({ tag: 'esim' })).totalCount).toBe(2);
    expect((await count({ tag: 'ios' })).edges.map((e) => e.node.title)).toEqual([
      'Open question about esim too',
    ]);
    expect((await count({ status: 'SOLVED' })).edges.map((e) => e.node.title)).toEqual([
      'Solved question about esim',
    ]);
    expect((await count({ unanswered: true })).totalCount).toBe(2);
    expect((await count({ unanswered: false })).totalCount).toBe(1);
    expect((await count({})).totalCount).toBe(3);
  });

  it('pages through answers in every order, with the accepted solution first', async () => {
    const threadId = await app.ask(asker, boardId, 'Which APN settings work best?');
    const answerers = await Promise.all([1, 2, 3, 4, 5].map(() => app.member()));
    const ids: string[] = [];
    for (const [i, member] of answerers.entries())
      ids.push(await app.answer(member, threadId, `Answer ${i}`));
    ok(
      await app.gql(
        `mutation($id: ID!) { acceptSolution(postId: $id) { id } }`,
        { id: ids[3] },
        asker.token,
      ),
    );

    const ANSWERS = `query($id: ID!, $orderBy: AnswerOrder, $after: String) {
      thread(id: $id) { answers(first: 2, after: $after, orderBy: $orderBy) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { body isAcceptedSolution } } } } }`;
    for (const orderBy of ['OLDEST', 'NEWEST', 'MOST_KUDOS']) {
      const bodies: string[] = [];
      let after: string | null = null;
      let total = 0;
      do {
        const data: {
          thread: {
            answers: {
              totalCount: number;
              pageInfo: { hasNextPage: boolean; endCursor: string };
              edges: Array<{ node: { body: string } }>;
            };
          };
        } = ok(await app.gql(ANSWERS, { id: threadId, orderBy, after }));
        bodies.push(...data.thread.answers.edges.map((edge) => edge.node.body));
        total = data.thread.answers.totalCount;
        after = data.thread.answers.pageInfo.hasNextPage
          ? data.thread.answers.pageInfo.endCursor
          : null;
      } while (after);
      expect(total).toBe(5);
      expect(bodies[0]).toBe('Answer 3');
      const rest =
        orderBy === 'NEWEST'
          ? ['Answer 4', 'Answer 2', 'Answer 1', 'Answer 0']
          : ['Answer 0', 'Answer 1', 'Answer 2', 'Answer 4'];
      expect(bodies.slice(1)).toEqual(rest);
    }
  });
});
