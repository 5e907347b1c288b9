import { randomUUID } from 'node:crypto';
import { ClientMutationsPurgeProcessor, fromGlobalId } from '@app/core';
import { errorCode, GraphQLResponse, ok } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

const CONCURRENT = 20;

const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id title } }`;
const ANSWER = `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id body } }`;
const SUBMIT = `mutation($input: SubmitIdeaInput!) { submitIdea(input: $input) { id title voteCount } }`;
const COMMENT = `mutation($ideaId: ID!, $body: String!, $clientMutationId: String) {
  commentOnIdea(ideaId: $ideaId, body: $body, clientMutationId: $clientMutationId) { id body }
}`;
const REVIEW = `mutation($input: WriteReviewInput!) { writeReview(input: $input) { id title } }`;
const FLAG = `mutation($input: FlagInput!) { flag(input: $input) { id reason } }`;
const CREATE_PRODUCT = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`;

const uuid = (globalId: string, type: string): string => fromGlobalId(globalId, type, 'id');

/** The one result object of a mutation response, whatever its field. */
const resultOf = (response: GraphQLResponse<Record<string, { id: string }>>) =>
  Object.values(ok(response))[0];

/**
 * Mutations that create content take an optional clientMutationId: a retry with the same key
 * returns the first result and writes nothing, however many arrive at once; other members and
 * other operations have keys of their own; keys are forgotten after a day.
 */
describe('client mutation ids', () => {
  const app = new TestApp();
  let admin: Member;
  let manager: Member;
  let asker: Member;
  let questions: string;
  let ideasBoard: string;

  beforeAll(async () => {
    await app.start({ worker: true });
    admin = await app.member('ADMIN');
    manager = await app.member('PRODUCT_MANAGER');
    asker = await app.member();
    questions = await app.board(admin);
    ideasBoard = await app.board(admin, 'IDEAS');
  });
  afterAll(() => app.stop());

  const product = async (): Promise<string> =>
    ok(
      await app.gql<{ createProduct: { id: string } }>(
        CREATE_PRODUCT,
        {
          input: {
            sku: `SKU-${randomUUID().slice(0, 8)}`,
            name: 'Fibre router',
            description: 'Wi-Fi 6 router for fibre lines.',
          },
        },
        manager.token,
      ),
    ).createProduct.id;

  const idea = async (member: Member): Promise<string> =>
    resultOf(
      await app.gql(
        SUBMIT,
        {
          input: {
            boardId: ideasBoard,
            title: `An idea to comment on ${randomUUID().slice(0, 8)}`,
            body: 'Body',
          },
        },
        member.token,
      ),
    ).id;

  const count = async (sql: string, params: unknown[]): Promise<number> =>
    (await app.sql<{ n: number }>(sql, params))[0].n;

  const keysOf = (member: Member, key: string) =>
    count(`SELECT count(*)::int AS n FROM client_mutations WHERE member_id = $1 AND key = $2`, [
      uuid(member.id, 'User'),
      key,
    ]);

  /**
   * Each content-creating mutation: how to send it (with a key, by a member, on a fresh
   * target), and what it wrote, counted in the database: rows, events and counters.
   */
  interface Operation {
    name: string;
    /** A fresh target the member may write to; returns what `send` needs. */
    target(member: Member): Promise<string>;
    send(
      member: Member,
      target: string,
      key?: unknown,
    ): Promise<GraphQLResponse<Record<string, { id: string }>>>;
    /** Everything the write changes, so that a retry can be shown to change none of it. */
    written(member: Member, target: string): Promise<Record<string, number>>;
  }

  const operations: Operation[] = [
    {
      name: 'askQuestion',
      target: async () => app.board(admin),
      send: (member, boardId, key) =>
        app.gql(
          ASK,
          {
            input: {
              boardId,
              title: 'How do I keep my number?',
              body: 'Moving house.',
              clientMutationId: key,
            },
          },
          member.token,
        ),
      written: async (member, boardId) => {
        const board = uuid(boardId, 'Board');
        return {
          threads: await count(
            `SELECT count(*)::int AS n FROM threads WHERE board_id = $1 AND author_id = $2`,
            [board, uuid(member.id, 'User')],
          ),
          threadCount: await count(`SELECT thread_count AS n FROM boards WHERE id = $1`, [board]),
          events: await count(
            `SELECT count(*)::int AS n FROM outbox
              WHERE type = 'thread.created' AND payload->>'boardId' = $1`,
            [board],
          ),
        };
      },
    },
    {
      name: 'postAnswer',
      target: async () => app.ask(asker, questions),
      send: (member, threadId, key) =>
        app.gql(
          ANSWER,
          { input: { threadId, body: 'Dial 121.', clientMutationId: key } },
          member.token,
        ),
      written: async (_member, threadId) => {
        const thread = uuid(threadId, 'Thread');
        return {
          posts: await count(`SELECT count(*)::int AS n FROM posts WHERE thread_id = $1`, [thread]),
          answerCount: await count(`SELECT answer_count AS n FROM threads WHERE id = $1`, [thread]),
          events: await count(
            `SELECT count(*)::int AS n FROM outbox
              WHERE type = 'post.created' AND payload->>'threadId' = $1`,
            [thread],
          ),
        };
      },
    },
    {
      name: 'submitIdea',
      target: async () => app.board(admin, 'IDEAS'),
      send: (member, boardId, key) =>
        app.gql(
          SUBMIT,
          {
            input: {
              boardId,
              title: 'Let me pause my plan',
              body: 'For a month.',
              clientMutationId: key,
            },
          },
          member.token,
        ),
      written: async (member, boardId) => {
        const board = uuid(boardId, 'Board');
        return {
          ideas: await count(
            `SELECT count(*)::int AS n FROM ideas WHERE board_id = $1 AND author_id = $2`,
            [board, uuid(member.id, 'User')],
          ),
          votes: await count(
            `SELECT count(*)::int AS n FROM idea_votes v JOIN ideas i ON i.id = v.idea_id
              WHERE i.board_id = $1`,
            [board],
          ),
          threadCount: await count(`SELECT thread_count AS n FROM boards WHERE id = $1`, [board]),
        };
      },
    },
    {
      name: 'commentOnIdea',
      target: async () => idea(asker),
      send: (member, ideaId, key) =>
        app.gql(COMMENT, { ideaId, body: 'Yes please.', clientMutationId: key }, member.token),
      written: async (_member, ideaId) => ({
        comments: await count(`SELECT count(*)::int AS n FROM idea_comments WHERE idea_id = $1`, [
          uuid(ideaId, 'Idea'),
        ]),
      }),
    },
    {
      name: 'writeReview',
      target: product,
      send: (member, productId, key) =>
        app.gql(
          REVIEW,
          {
            input: {
              productId,
              rating: 4,
              title: 'Solid',
              body: 'Works well.',
              clientMutationId: key,
            },
          },
          member.token,
        ),
      written: async (_member, productId) => {
        const id = uuid(productId, 'Product');
        return {
          reviews: await count(`SELECT count(*)::int AS n FROM reviews WHERE product_id = $1`, [
            id,
          ]),
          ratingCount: await count(`SELECT rating_count AS n FROM products WHERE id = $1`, [id]),
        };
      },
    },
    {
      name: 'flag',
      target: async () => app.answer(asker, await app.ask(asker, questions)),
      send: (member, postId, key) =>
        app.gql(
          FLAG,
          { input: { targetId: postId, reason: 'INCORRECT_ADVICE', clientMutationId: key } },
          member.token,
        ),
      written: async (_member, postId) => {
        const id = uuid(postId, 'Post');
        return {
          flags: await count(`SELECT count(*)::int AS n FROM flags WHERE target_id = $1`, [id]),
          flagCount: await count(
            `SELECT coalesce(sum(flag_count), 0)::int AS n FROM review_items WHERE target_id = $1`,
            [id],
          ),
          events: await count(
            `SELECT count(*)::int AS n FROM outbox o JOIN review_items r
                 ON r.id = (o.payload->>'reviewItemId')::uuid
              WHERE o.type = 'review.changed' AND r.target_id = $1`,
            [id],
          ),
        };
      },
    },
  ];

  describe.each(operations.map((operation) => [operation.name, operation] as const))(
    '%s',
    (_name, operation) => {
      it('returns the first result to a retry with the same key, and writes once', async () => {
        const member = await app.member();
        const target = await operation.target(member);
        const before = await operation.written(member, target);
        const key = randomUUID();
        const first = resultOf(await operation.send(member, target, key));
        const once = await operation.written(member, target);
        expect(once).not.toEqual(before);

        for (let retry = 0; retry < 3; retry++) {
          expect(resultOf(await operation.send(member, target, key))).toEqual(first);
        }
        expect(await operation.written(member, target)).toEqual(once);
        expect(await keysOf(member, key)).toBe(1);
      });

      it(`gives ${CONCURRENT} concurrent identical requests one row and the same id`, async () => {
        const member = await app.member();
        const target = await operation.target(member);
        const key = randomUUID();
        const before = await operation.written(member, target);
        const responses = await Promise.all(
          Array.from({ length: CONCURRENT }, () => operation.send(member, target, key)),
        );
        const ids = new Set(responses.map((response) => resultOf(response).id));
        expect(ids.size).toBe(1);
        // One write's worth of change: what a single request without a key changes.
        const after = await operation.written(member, target);
        const other = await operation.target(member);
        const single = await operation.written(member, other);
        resultOf(await operation.send(member, other));
        const singleAfter = await operation.written(member, other);
        const delta = (a: Record<string, number>, b: Record<string, number>) =>
          Object.fromEntries(Object.keys(a).map((k) => [k, b[k] - a[k]]));
        expect(delta(before, after)).toEqual(delta(single, singleAfter));
        expect(await keysOf(member, key)).toBe(1);
      });

      it('keeps the keys of another member apart', async () => {
        const [one, two] = [await app.member(), await app.member()];
        const target = await operation.target(one);
        const key = randomUUID();
        const first = resultOf(await operation.send(one, target, key));
        const second = resultOf(await operation.send(two, target, key));
        expect(second.id).not.toBe(first.id);
        expect(await keysOf(one, key)).toBe(1);
        expect(await keysOf(two, key)).toBe(1);
      });

      it.each([
        ['empty', ''],
        ['101 characters', 'k'.repeat(101)],
        ['not ASCII', 'clé-1'],
        ['a control character', 'key\n1'],
        ['a tab', 'key\t1'],
        ['a number', 42],
      ])(
        'refuses a key that is %s as BAD_USER_INPUT naming it, writing nothing',
        async (_what, key) => {
          const member = await app.member();
          const target = await operation.target(member);
          const before = await operation.written(member, target);
          const response = await operation.send(member, target, key);
          expect(errorCode(response)).toBe('BAD_USER_INPUT');
          expect(response.errors?.[0].message).toMatch(/clientMutationId/);
          expect(await operation.written(member, target)).toEqual(before);
        },
      );

      it('takes a key of 100 printable characters, spaces and symbols included', async () => {
        const member = await app.member();
        const target = await operation.target(member);
        const key = ` ~!"#$%&'()*+,-./09:;<=>?@AZ[\\]^_\`az{|}`.padEnd(100, 'x');
        const first = resultOf(await operation.send(member, target, key));
        expect(resultOf(await operation.send(member, target, key))).toEqual(first);
        expect(await keysOf(member, key)).toBe(1);
      });

      it('still refuses an anonymous caller, with a key or without', async () => {
        const member = await app.member();
        const target = await operation.target(member);
        const before = await operation.written(member, target);
        const anonymous = { ...member, token: '' };
        expect(errorCode(await operation.send(anonymous, target, randomUUID()))).toBe(
          'UNAUTHENTICATED',
        );
        expect(await operation.written(member, target)).toEqual(before);
      });

      it('still refuses a silenced member, and keeps no key for the refusal', async () => {
        const member = await app.member();
        const target = await operation.target(member);
        await app.sql(`UPDATE users SET status = 'SILENCED' WHERE id = $1`, [
          uuid(member.id, 'User'),
        ]);
        const key = randomUUID();
        expect(errorCode(await operation.send(member, target, key))).toBe('FORBIDDEN');
        expect(await keysOf(member, key)).toBe(0);
      });
    },
  );

  it('keeps the keys of different operations apart for one member', async () => {
    const member = await app.member();
    const key = randomUUID();
    const thread = resultOf(await operations[0].send(member, questions, key));
    const idea = resultOf(await operations[2].send(member, ideasBoard, key));
    const answer = resultOf(await operations[1].send(member, thread.id, key));
    expect(new Set([thread.id, idea.id, answer.id]).size).toBe(3);
    expect(await keysOf(member, key)).toBe(3);
  });

  it('writes anew each time without a key, as before', async () => {
    const member = await app.member();
    const threadId = await app.ask(asker, questions);
    const first = resultOf(await operations[1].send(member, threadId));
    const second = resultOf(await operations[1].send(member, threadId));
    expect(second.id).not.toBe(first.id);
    expect(await operations[1].written(member, threadId)).toEqual({
      posts: 2,
      answerCount: 2,
      events: 2,
    });
  });

  it('returns the first result even when the write would now be refused', async () => {
    const member = await app.member();
    const threadId = await app.ask(asker, questions);
    const key = randomUUID();
    const first = resultOf(await operations[1].send(member, threadId, key));
    await app.sql(`UPDATE threads SET status = 'LOCKED' WHERE id = $1`, [uuid(threadId, 'Thread')]);
    expect(resultOf(await operations[1].send(member, threadId, key))).toEqual(first);
    expect(errorCode(await operations[1].send(member, threadId, randomUUID()))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('keeps no key for a write that was refused, so its retry is judged afresh', async () => {
    const member = await app.member();
    const productId = await product();
    const reviewed = resultOf(await operations[4].send(member, productId));
    const key = randomUUID();
    expect(errorCode(await operations[4].send(member, productId, key))).toBe('CONFLICT');
    expect(await keysOf(member, key)).toBe(0);
    expect(errorCode(await operations[4].send(member, productId, key))).toBe('CONFLICT');
    expect(await operations[4].written(member, productId)).toEqual({
      reviews: 1,
      ratingCount: 1,
    });
    expect(reviewed.id).toBeTruthy();
  });

  it('forgets keys older than a day on the worker, and a forgotten key writes anew', async () => {
    const member = await app.member();
    const threadId = await app.ask(asker, questions);
    const [old, recent] = [randomUUID(), randomUUID()];
    const first = resultOf(await operations[1].send(member, threadId, old));
    resultOf(await operations[1].send(member, threadId, recent));
    await app.sql(
      `UPDATE client_mutations SET created_at = now() - interval '25 hours'
        WHERE member_id = $1 AND key = $2`,
      [uuid(member.id, 'User'), old],
    );
    await app.sql(
      `UPDATE client_mutations SET created_at = now() - interval '23 hours'
        WHERE member_id = $1 AND key = $2`,
      [uuid(member.id, 'User'), recent],
    );
    if (!app.worker) throw new Error('the worker is not running');
    await app.worker.get(ClientMutationsPurgeProcessor).process();
    expect(await keysOf(member, old)).toBe(0);
    expect(await keysOf(member, recent)).toBe(1);
    const again = resultOf(await operations[1].send(member, threadId, old));
    expect(again.id).not.toBe(first.id);
  });
});
