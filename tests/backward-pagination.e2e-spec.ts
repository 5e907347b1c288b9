import { randomUUID } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { toGlobalId } from '@app/core';
import { GraphQLResponse, ok } from './support/graphql-client';
import { submitIdea } from './support/ideas';
import { Member, TestApp } from './support/test-app';

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

interface Page {
  edges: Array<{ cursor: string; node: Record<string, unknown> }>;
  pageInfo: PageInfo;
}

interface PageArgs {
  first?: number;
  after?: string | null;
  last?: number;
  before?: string | null;
}

/** One list to walk: an operation taking $first, $after, $last and $before, and where its connection sits. */
interface List {
  query: string;
  variables: Record<string, unknown>;
  token?: string;
  path: string[];
  /** What names a node (its id, or a search hit's thread). */
  keyOf: (node: Record<string, unknown>) => string;
  /** The whole list in the contract's order, when the test knows it independently. */
  expected?: string[];
}

const PAGE = `edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;
const VARS = '$first: Int, $after: String, $last: Int, $before: String';
const ARGS = 'first: $first, after: $after, last: $last, before: $before';

/** The UUID inside a global ID, for setting rows up in SQL. */
const uuidOf = (globalId: string): string =>
  Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
const byId = (node: Record<string, unknown>): string => String(node.id);

/** The connection at `path` in a response's data. */
function connectionAt(data: unknown, path: string[]): Page {
  let value = data;
  for (const key of path) value = (value as Record<string, unknown>)[key];
  return value as Page;
}

describe('backward paging with last and before, and nodes(ids)', () => {
  const app = new TestApp();
  const lists = new Map<string, List>();
  let admin: Member;
  let moderator: Member;
  let asker: Member;
  let members: Member[];
  let reader: Member;
  /** The global IDs seeded for the lists, by type. */
  const seeded: Record<string, string[]> = {};

  const fetchPage = async (list: List, args: PageArgs): Promise<Page> =>
    connectionAt(
      ok(await app.gql(list.query, { ...list.variables, ...args }, list.token)),
      list.path,
    );

  /** Checks what every page says of itself: its cursors are those of its first and last edges. */
  function expectOwnCursors(page: Page): void {
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]?.cursor ?? null);
  }

  /** Walks the list from its start with `first`; returns [key, cursor] pairs in order. */
  async function forward(list: List, size: number): Promise<Array<[string, string]>> {
    const seen: Array<[string, string]> = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const page = await fetchPage(list, { first: size, after });
      expectOwnCursors(page);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(
        ...page.edges.map((edge): [string, string] => [list.keyOf(edge.node), edge.cursor]),
      );
      if (!page.pageInfo.hasNextPage) return seen;
      expect(page.edges).toHaveLength(size);
      after = page.pageInfo.endCursor;
    }
    throw new Error('forward paging did not end');
  }

  /** Walks the list from its end with `last`; returns [key, cursor] pairs in the list's order. */
  async function backward(list: List, size: number): Promise<Array<[string, string]>> {
    const seen: Array<[string, string]> = [];
    let before: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const page = await fetchPage(list, { last: size, before });
      expectOwnCursors(page);
      expect(page.pageInfo.hasNextPage).toBe(before !== null);
      seen.unshift(
        ...page.edges.map((edge): [string, string] => [list.keyOf(edge.node), edge.cursor]),
      );
      if (!page.pageInfo.hasPreviousPage) return seen;
      expect(page.edges).toHaveLength(size);
      before = page.pageInfo.startCursor;
    }
    throw new Error('backward paging did not end');
  }

  beforeAll(async () => {
    await app.start();
    admin = await app.member('ADMIN');
    moderator = await app.member('MODERATOR');
    asker = await app.member();
    members = await Promise.all(Array.from({ length: 8 }, () => app.member()));
    // Rows sharing a sort value: only the id tells them apart, in both directions.
    const tie = '2025-03-01T12:00:00.000Z';

    // Query.threads, in both orders, with ties on both sort columns.
    const threadBoard = await app.board(admin);
    const threadIds: string[] = [];
    for (let i = 0; i < 8; i++)
      threadIds.push(await app.ask(asker, threadBoard, `Thread walked number ${i}`));
    await app.sql(
      `UPDATE threads SET created_at = $2, last_activity_at = $2 WHERE id = ANY($1::uuid[])`,
      [threadIds.slice(2, 6).map(uuidOf), tie],
    );
    for (const [order, column] of [
      ['LAST_ACTIVITY', 'last_activity_at'],
      ['NEWEST', 'created_at'],
    ]) {
      const rows = await app.sql<{ id: string }>(
        `SELECT id FROM threads WHERE board_id = $1 ORDER BY ${column} DESC, id DESC`,
        [uuidOf(threadBoard)],
      );
      lists.set(`Query.threads ${order}`, {
        query: `query($filter: ThreadFilter, $orderBy: ThreadOrder, ${VARS}) {
          threads(filter: $filter, orderBy: $orderBy, ${ARGS}) { ${PAGE} } }`,
        variables: { filter: { boardId: threadBoard }, orderBy: order },
        path: ['threads'],
        keyOf: byId,
        expected: rows.map((row) => toGlobalId('Thread', row.id)),
      });
    }

    // Thread.answers: an accepted solution in the middle, kudos with ties, equal times.
    const answered = await app.ask(asker, await app.board(admin), 'Thread with many answers');
    const answerIds: string[] = [];
    for (let i = 0; i < 8; i++)
      answerIds.push(await app.answer(members[i], answered, `Answer ${i}`));
    const fans = [asker, admin];
    for (const [answer, givers] of [
      [1, 2],
      [2, 1],
      [5, 1],
      [6, 2],
    ]) {
      for (const fan of fans.slice(0, givers)) {
        ok(
          await app.gql(
            'mutation($id: ID!) { giveKudo(postId: $id) { id } }',
            { id: answerIds[answer] },
            fan.token,
          ),
        );
      }
    }
    await app.sql(`UPDATE posts SET created_at = $2 WHERE id = ANY($1::uuid[])`, [
      answerIds.slice(1, 5).map(uuidOf),
      tie,
    ]);
    ok(
      await app.gql(
        'mutation($id: ID!) { acceptSolution(postId: $id) { id } }',
        { id: answerIds[3] },
        asker.token,
      ),
    );
    const answerOrder: Record<string, string> = {
      OLDEST: 'created_at, id',
      NEWEST: 'created_at DESC, id DESC',
      MOST_KUDOS: 'kudos_count DESC, created_at, id',
    };
    for (const [order, sql] of Object.entries(answerOrder)) {
      const rows = await app.sql<{ id: string }>(
        `SELECT id FROM posts WHERE thread_id = $1 AND id <> $2 ORDER BY ${sql}`,
        [uuidOf(answered), uuidOf(answerIds[3])],
      );
      lists.set(`Thread.answers ${order}`, {
        query: `query($id: ID!, $orderBy: AnswerOrder, ${VARS}) {
          thread(id: $id) { answers(orderBy: $orderBy, ${ARGS}) { ${PAGE} } } }`,
        variables: { id: answered, orderBy: order },
        path: ['thread', 'answers'],
        keyOf: byId,
        // The accepted solution leads, whatever the order.
        expected: [answerIds[3], ...rows.map((row) => toGlobalId('Post', row.id))],
      });
    }

    // Query.search: equal scores (same-length titles) and one hit found through an answer.
    const searchBoard = await app.board(admin);
    const searchThreads: string[] = [];
    for (let i = 0; i < 5; i++)
      searchThreads.push(await app.ask(asker, searchBoard, `Quokka question ${i}`));
    searchThreads.push(await app.ask(asker, searchBoard, 'Quokka quokka twice in this title'));
    const viaAnswer = await app.ask(asker, searchBoard, 'A marsupial question without it');
    await app.answer(members[0], viaAnswer, 'The quokka answer');
    searchThreads.push(viaAnswer);
    lists.set('Query.search', {
      query: `query($query: String!, ${VARS}) {
        search(query: $query, ${ARGS}) {
          edges { cursor node { thread { id } } }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
      variables: { query: 'quokka' },
      path: ['search'],
      keyOf: (node) => String((node.thread as { id: string }).id),
    });

    // Query.ideas in each order, with tied votes and times; Idea.comments with tied times.
    const ideaBoard = await app.board(admin, 'IDEAS');
    const ideaIds: string[] = [];
    for (let i = 0; i < 8; i++) {
      ideaIds.push(await submitIdea(app, members[i], ideaBoard, `Idea walked number ${i}`));
    }
    for (const [ideaId, voters] of [
      [ideaIds[1], 2],
      [ideaIds[4], 2],
      [ideaIds[6], 3],
    ] as const) {
      for (let v = 0; v < voters; v++) {
        const voter = members[(ideaIds.indexOf(ideaId) + 1 + v) % 8];
        ok(
          await app.gql(
            'mutation($id: ID!) { voteIdea(ideaId: $id) { id } }',
            { id: ideaId },
            voter.token,
          ),
        );
      }
    }
    await app.sql(`UPDATE ideas SET created_at = $2 WHERE id = ANY($1::uuid[])`, [
      ideaIds.slice(3, 7).map(uuidOf),
      tie,
    ]);
    const ideaOrder: Record<string, string> = {
      TOP: 'vote_count',
      NEWEST: 'created_at',
      TRENDING: 'trending_score',
    };
    for (const [order, column] of Object.entries(ideaOrder)) {
      const rows = await app.sql<{ id: string }>(
        `SELECT id FROM ideas WHERE board_id = $1 ORDER BY ${column} DESC, id DESC`,
        [uuidOf(ideaBoard)],
      );
      lists.set(`Query.ideas ${order}`, {
        query: `query($filter: IdeaFilter, $orderBy: IdeaOrder, ${VARS}) {
          ideas(filter: $filter, orderBy: $orderBy, ${ARGS}) { ${PAGE} } }`,
        variables: { filter: { boardId: ideaBoard }, orderBy: order },
        path: ['ideas'],
        keyOf: byId,
        expected: rows.map((row) => toGlobalId('Idea', row.id)),
      });
    }
    for (let i = 0; i < 8; i++) {
      ok(
        await app.gql(
          'mutation($ideaId: ID!, $body: String!) { commentOnIdea(ideaId: $ideaId, body: $body) { id } }',
          { ideaId: ideaIds[0], body: `Comment number ${i}` },
          members[i].token,
        ),
      );
    }
    await app.sql(
      `UPDATE idea_comments SET created_at = $2
        WHERE id IN (SELECT id FROM idea_comments WHERE idea_id = $1 ORDER BY created_at LIMIT 4)`,
      [uuidOf(ideaIds[0]), tie],
    );
    const comments = await app.sql<{ id: string }>(
      `SELECT id FROM idea_comments WHERE idea_id = $1 ORDER BY created_at, id`,
      [uuidOf(ideaIds[0])],
    );
    lists.set('Idea.comments', {
      query: `query($id: ID!, ${VARS}) { idea(id: $id) { comments(${ARGS}) { ${PAGE} } } }`,
      variables: { id: ideaIds[0] },
      path: ['idea', 'comments'],
      keyOf: byId,
      expected: comments.map((row) => toGlobalId('Comment', row.id)),
    });

    // Query.products and Product.reviews in each order, with tied ratings, marks and times.
    const manager = await app.member('PRODUCT_MANAGER');
    const productIds: string[] = [];
    for (let i = 0; i < 7; i++) {
      const data = ok(
        await app.gql<{ createProduct: { id: string } }>(
          'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }',
          { input: { sku: `WALK-${i}`, name: `Product ${i}`, description: 'A product.' } },
          manager.token,
        ),
      );
      productIds.push(data.createProduct.id);
    }
    await app.sql(`UPDATE products SET created_at = $2 WHERE id = ANY($1::uuid[])`, [
      productIds.slice(1, 4).map(uuidOf),
      tie,
    ]);
    const products = await app.sql<{ id: string }>(
      `SELECT id FROM products ORDER BY created_at DESC, id DESC`,
    );
    lists.set('Query.products', {
      query: `query(${VARS}) { products(${ARGS}) { ${PAGE} } }`,
      variables: {},
      path: ['products'],
      keyOf: byId,
      expected: products.map((row) => toGlobalId('Product', row.id)),
    });
    const ratings = [5, 3, 5, 1, 3, 4, 5];
    const reviewIds: string[] = [];
    for (const [i, rating] of ratings.entries()) {
      const data = ok(
        await app.gql<{ writeReview: { id: string } }>(
          'mutation($input: WriteReviewInput!) { writeReview(input: $input) { id } }',
          {
            input: { productId: productIds[0], rating, title: `${rating} stars`, body: 'Works.' },
          },
          members[i].token,
        ),
      );
      reviewIds.push(data.writeReview.id);
    }
    for (const [review, markers] of [
      [1, 2],
      [3, 1],
      [5, 2],
    ]) {
      for (let m = 0; m < markers; m++) {
        ok(
          await app.gql(
            'mutation($id: ID!) { markReviewHelpful(reviewId: $id) { id } }',
            { id: reviewIds[review] },
            members[(review + 1 + m) % 8].token,
          ),
        );
      }
    }
    await app.sql(`UPDATE reviews SET created_at = $2 WHERE id = ANY($1::uuid[])`, [
      reviewIds.slice(2, 6).map(uuidOf),
      tie,
    ]);
    const reviewOrder: Record<string, string> = {
      MOST_HELPFUL: 'helpful_count DESC,',
      NEWEST: '',
      HIGHEST_RATING: 'rating DESC,',
      LOWEST_RATING: 'rating ASC,',
    };
    for (const [order, lead] of Object.entries(reviewOrder)) {
      const rows = await app.sql<{ id: string }>(
        `SELECT id FROM reviews WHERE product_id = $1 ORDER BY ${lead} created_at DESC, id DESC`,
        [uuidOf(productIds[0])],
      );
      lists.set(`Product.reviews ${order}`, {
        query: `query($id: ID!, $orderBy: ReviewOrder, ${VARS}) {
          product(id: $id) { reviews(orderBy: $orderBy, ${ARGS}) { ${PAGE} } } }`,
        variables: { id: productIds[0], orderBy: order },
        path: ['product', 'reviews'],
        keyOf: byId,
        expected: rows.map((row) => toGlobalId('Review', row.id)),
      });
    }

    // Query.notifications, Query.moderationQueue and Query.moderationLog: rows as the worker
    // and the moderators would have written them.
    reader = members[0];
    for (let i = 0; i < 8; i++) {
      await app.sql(
        `INSERT INTO notifications (id, recipient_id, kind, message, event_id, created_at)
         VALUES ($1, $2, 'NEW_ANSWER', $3, $4, $5)`,
        [
          randomUUID(),
          uuidOf(reader.id),
          `Notice ${i}`,
          1000 + i,
          i < 4 ? tie : new Date(Date.now() - i * 1000),
        ],
      );
    }
    const notifications = await app.sql<{ id: string }>(
      `SELECT id FROM notifications WHERE recipient_id = $1 ORDER BY created_at DESC, id DESC`,
      [uuidOf(reader.id)],
    );
    lists.set('Query.notifications', {
      query: `query(${VARS}) { notifications(${ARGS}) { ${PAGE} } }`,
      variables: {},
      token: reader.token,
      path: ['notifications'],
      keyOf: byId,
      expected: notifications.map((row) => toGlobalId('Notification', row.id)),
    });
    const priorities = [3, 1, 3, 2, 1, 3, 0.5, 2];
    for (const [i, priority] of priorities.entries()) {
      await app.sql(
        `INSERT INTO review_items (id, kind, target_type, target_id, target_author_id, priority, created_at)
         VALUES ($1, 'FLAGGED', 'Thread', $2, $3, $4, $5)`,
        [randomUUID(), randomUUID(), uuidOf(asker.id), priority, i % 2 === 0 ? tie : new Date()],
      );
    }
    const queue = await app.sql<{ id: string }>(
      `SELECT id FROM review_items WHERE status = 'PENDING' ORDER BY priority DESC, created_at, id`,
    );
    lists.set('Query.moderationQueue', {
      query: `query(${VARS}) { moderationQueue(${ARGS}) { ${PAGE} } }`,
      variables: {},
      token: moderator.token,
      path: ['moderationQueue'],
      keyOf: byId,
      expected: queue.map((row) => toGlobalId('ReviewItem', row.id)),
    });
    for (let i = 0; i < 8; i++) {
      await app.sql(
        `INSERT INTO moderation_actions (id, actor_id, action, reason, created_at)
         VALUES ($1, $2, 'HIDE', $3, $4)`,
        [randomUUID(), uuidOf(moderator.id), `Reason ${i}`, i < 5 ? tie : new Date()],
      );
    }
    const log = await app.sql<{ id: string }>(
      `SELECT id FROM moderation_actions ORDER BY created_at DESC, id DESC`,
    );
    lists.set('Query.moderationLog', {
      query: `query(${VARS}) { moderationLog(${ARGS}) { ${PAGE} } }`,
      variables: {},
      token: moderator.token,
      path: ['moderationLog'],
      keyOf: byId,
      expected: log.map((row) => toGlobalId('ModerationAction', row.id)),
    });

    Object.assign(seeded, {
      Thread: threadIds,
      Post: answerIds,
      Idea: ideaIds,
      Comment: comments.map((row) => toGlobalId('Comment', row.id)),
      Product: productIds,
      Review: reviewIds,
      Notification: notifications.map((row) => toGlobalId('Notification', row.id)),
      ReviewItem: queue.map((row) => toGlobalId('ReviewItem', row.id)),
      ModerationAction: log.map((row) => toGlobalId('ModerationAction', row.id)),
    });
  }, 120_000);
  afterAll(() => app.stop());

  const NAMES = [
    'Query.threads LAST_ACTIVITY',
    'Query.threads NEWEST',
    'Thread.answers OLDEST',
    'Thread.answers NEWEST',
    'Thread.answers MOST_KUDOS',
    'Query.search',
    'Query.ideas TOP',
    'Query.ideas NEWEST',
    'Query.ideas TRENDING',
    'Idea.comments',
    'Query.products',
    'Product.reviews MOST_HELPFUL',
    'Product.reviews NEWEST',
    'Product.reviews HIGHEST_RATING',
    'Product.reviews LOWEST_RATING',
    'Query.notifications',
    'Query.moderationQueue',
    'Query.moderationLog',
  ];
  const listOf = (name: string): List => {
    const list = lists.get(name);
    if (!list) throw new Error(`no list ${name}`);
    return list;
  };

  it('covers every connection of the schema', () => {
    expect([...lists.keys()].sort()).toEqual([...NAMES].sort());
  });

  describe.each(NAMES)('%s', (name) => {
    it.each([1, 3])(
      'walks backward with last: %i the same items, in the same order, with the same cursors as forward',
      async (size) => {
        const list = listOf(name);
        const ahead = await forward(list, size);
        const behind = await backward(list, size);
        expect(ahead.length).toBeGreaterThanOrEqual(7);
        expect(new Set(ahead.map(([key]) => key)).size).toBe(ahead.length);
        expect(behind).toEqual(ahead);
        if (list.expected) expect(ahead.map(([key]) => key)).toEqual(list.expected);
      },
    );

    it('pages backward from a cursor in the middle, and forward again from that page', async () => {
      const list = listOf(name);
      const all = await forward(list, 100);
      const middle = all[4][1];
      const before = await fetchPage(list, { last: 2, before: middle });
      expect(before.edges.map((edge) => list.keyOf(edge.node))).toEqual(
        all.slice(2, 4).map(([key]) => key),
      );
      expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
      const after = await fetchPage(list, { first: 2, after: before.pageInfo.endCursor });
      expect(after.edges.map((edge) => list.keyOf(edge.node))).toEqual(
        all.slice(4, 6).map(([key]) => key),
      );
    });

    it('pages backward by the default 20 with before alone', async () => {
      const list = listOf(name);
      const all = await forward(list, 100);
      const page = await fetchPage(list, { before: all[all.length - 1][1] });
      expect(page.edges.map((edge) => list.keyOf(edge.node))).toEqual(
        all.slice(0, -1).map(([key]) => key),
      );
      expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    });

    it('gives an empty page before the first item', async () => {
      const list = listOf(name);
      const [[, firstCursor]] = await forward(list, 1);
      const page = await fetchPage(list, { last: 5, before: firstCursor });
      expect(page.edges).toEqual([]);
      expect(page.pageInfo).toEqual({
        hasNextPage: true,
        hasPreviousPage: false,
        startCursor: null,
        endCursor: null,
      });
    });

    it.each<[string, (cursor: string) => PageArgs, string]>([
      ['first with last', () => ({ first: 2, last: 2 }), 'last'],
      ['after with before', (cursor) => ({ after: cursor, before: cursor }), 'before'],
      ['after with last', (cursor) => ({ after: cursor, last: 2 }), 'last'],
      ['first with before', (cursor) => ({ first: 2, before: cursor }), 'before'],
      ['last: 0', () => ({ last: 0 }), 'last'],
      ['last: 101', () => ({ last: 101 }), 'last'],
      ['last: -1', () => ({ last: -1 }), 'last'],
      ['a malformed before', () => ({ last: 2, before: 'not-a-cursor' }), 'before'],
      [
        'a before of another shape',
        () => ({ before: Buffer.from('[1,2,3,4]').toString('base64url') }),
        'before',
      ],
    ])('refuses %s as BAD_USER_INPUT naming the argument', async (_story, argsOf, field) => {
      const list = listOf(name);
      const [[, cursor]] = await forward(list, 1);
      const response: GraphQLResponse<unknown> = await app.gql(
        list.query,
        { ...list.variables, ...argsOf(cursor) },
        list.token,
      );
      expect(response.status).toBeLessThan(500);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(response.errors?.[0]?.message).toContain(field);
    });
  });

  it('counts a first written in the document even when it equals the default', async () => {
    const response = await app.gql(`{ threads(first: 20, last: 2) { totalCount } }`);
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'last',
    });
    expect(response.errors?.[0]?.message).toMatch(/first/);
  });

  it('takes a last beside the default of first, written or sent as a variable', async () => {
    const page = ok(await app.gql<{ threads: Page }>(`{ threads(last: 2) { ${PAGE} } }`)).threads;
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
  describe('nodes(ids)', () => {
    const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;
    type Nodes = { nodes: Array<{ __typename: string; id: string } | null> };
    const nodesOf = async (ids: string[], token?: string) =>
      ok(await app.gql<Nodes>(NODES, { ids }, token)).nodes;

    it('loads objects of mixed types, each in the position of its id, repeats included', async () => {
      const ids = [
        seeded.Thread[0],
        seeded.Post[2],
        asker.id,
        seeded.Idea[1],
        seeded.Comment[0],
        seeded.Product[3],
        seeded.Review[4],
        seeded.Thread[0],
      ];
      const found = await nodesOf(ids);
      expect(found.map((node) => node?.id)).toEqual(ids);
      expect(found.map((node) => node?.__typename)).toEqual([
        'Thread',
        'Post',
        'User',
        'Idea',
        'Comment',
        'Product',
        'Review',
        'Thread',
      ]);
    });

    it('gives null where an object is missing, of an unknown type, or not visible', async () => {
      const board = await app.board(admin);
      const hidden = await app.ask(asker, board, 'A question that was hidden');
      await app.sql(`UPDATE threads SET content_status = 'HIDDEN' WHERE id = $1`, [uuidOf(hidden)]);
      const ids = [
        seeded.Thread[1],
        toGlobalId('Thread', randomUUID()),
        hidden,
        toGlobalId('Nope', randomUUID()),
        seeded.Post[0],
      ];
      for (const token of [undefined, members[3].token]) {
        expect((await nodesOf(ids, token)).map((node) => node?.id ?? null)).toEqual([
          seeded.Thread[1],
          null,
          null,
          null,
          seeded.Post[0],
        ]);
      }
      // Its author still sees it, as through node(id).
      expect((await nodesOf([hidden], asker.token))[0]?.id).toBe(hidden);
    });

    it("gives null for another member's notifications and for moderators' objects to a member", async () => {
      const privateIds = [seeded.Notification[0], seeded.ReviewItem[0], seeded.ModerationAction[0]];
      expect(await nodesOf(privateIds, members[3].token)).toEqual([null, null, null]);
      expect(await nodesOf(privateIds)).toEqual([null, null, null]);
      expect((await nodesOf(privateIds, reader.token)).map((node) => node?.id ?? null)).toEqual([
        seeded.Notification[0],
        null,
        null,
      ]);
      expect((await nodesOf(privateIds, moderator.token)).map((node) => node?.id ?? null)).toEqual([
        null,
        seeded.ReviewItem[0],
        seeded.ModerationAction[0],
      ]);
    });

    it('takes 100 ids and refuses 101 as BAD_USER_INPUT on ids', async () => {
      const hundred = Array.from({ length: 100 }, (_, i) => seeded.Thread[i % 8]);
      expect(await nodesOf(hundred)).toHaveLength(100);
      const response = await app.gql(NODES, { ids: [...hundred, seeded.Thread[0]] });
      expect(response.status).toBeLessThan(500);
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'ids',
      });
      expect(response.errors?.[0]?.message).toContain('100');
    });

    it.each([
      ['garbage', 'not an id'],
      ['an id that does not decode to a UUID', Buffer.from('Thread:42').toString('base64url')],
      ['an empty string', ''],
    ])(
      'refuses the whole call for %s anywhere in ids, naming its position',
      async (_story, bad) => {
        const response = await app.gql(NODES, { ids: [seeded.Thread[0], seeded.Post[0], bad] });
        expect(response.status).toBeLessThan(500);
        expect(response.data).toBeNull();
        expect(response.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'ids',
        });
        expect(response.errors?.[0]?.message).toBe('ids: item 2 is not a valid ID');
      },
    );

    it('gives an empty list for no ids', async () => {
      expect(await nodesOf([])).toEqual([]);
    });

    it('costs the same number of SQL statements for 2 objects of each type as for 7', async () => {
      const QUERY = `query($ids: [ID!]!) { nodes(ids: $ids) {
        id
        ... on Thread { title author { handle } }
        ... on Post { body author { handle } }
        ... on Idea { title author { handle } }
        ... on Comment { body }
        ... on Review { rating author { handle } }
        ... on Notification { message }
      } }`;
      const types = ['Thread', 'Post', 'Idea', 'Comment', 'Review', 'Notification'];
      const count = async (each: number): Promise<number> => {
        const ids = types.flatMap((type) => seeded[type].slice(0, each));
        const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
        try {
          const found = ok(await app.gql<Nodes>(QUERY, { ids }, reader.token)).nodes;
          expect(found.map((node) => node?.id)).toEqual(ids);
          return spy.mock.calls.length;
        } finally {
          spy.mockRestore();
        }
      };
      const few = await count(2);
      expect(await count(7)).toBe(few);
      // The viewer, one query per type, the ideas behind the comments, the batched authors.
      expect(few).toBeLessThanOrEqual(10);
    });
  });
});
