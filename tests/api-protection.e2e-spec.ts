import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApi } from '../apps/api/src/create-api';
import { errorCode, ok, postGraphQL } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`;

describe('protecting the API', () => {
  describe('query depth and cost', () => {
    const app = new TestApp();
    beforeAll(() => app.start());
    afterAll(() => app.stop());

    it('refuses a query deeper than 12 levels with QUERY_TOO_COMPLEX', async () => {
      // thread → answers → edges → node → thread → answers → … : 13 levels.
      const deep = `query($id: ID!) { thread(id: $id) { answers { edges { node { thread { answers { edges { node { thread { answers { edges { node { id } } } } } } } } } } } } }`;
      const reply = await app.gql(deep, {
        id: Buffer.from('Thread:00000000-0000-4000-8000-000000000000').toString('base64url'),
      });
      expect(errorCode(reply)).toBe('QUERY_TOO_COMPLEX');
    });

    it('allows a query of exactly 12 levels', async () => {
      const twelve = `{ threads(first: 2) { edges { node { answers(first: 2) { edges { node { thread { answers(first: 2) { edges { node { author { handle } } } } } } } } } } } }`;
      expect(ok(await app.gql(twelve))).toEqual({ threads: { edges: [] } });
    });

    it('refuses 60 aliased pages of 100 threads, counting every page by its size', async () => {
      const aliases = Array.from(
        { length: 60 },
        (_, i) => `t${i}: threads(first: 100) { edges { node { id title } } }`,
      ).join('\n');
      expect(errorCode(await app.gql(`{ ${aliases} }`))).toBe('QUERY_TOO_COMPLEX');
    });

    it('serves an ordinary page and the standard introspection query', async () => {
      ok(
        await app.gql(
          `{ threads(first: 100) { totalCount edges { node { id title author { handle } board { name } } } } }`,
        ),
      );
      const introspection = await app.gql(
        `{ __schema { types { name fields { name type { name kind ofType { name kind ofType { name kind ofType { name kind ofType { name kind ofType { name } } } } } } } } } }`,
      );
      expect(introspection.errors).toBeUndefined();
    });

    it('refuses pages of more than 100 with BAD_USER_INPUT', async () => {
      const reply = await app.gql(`{ threads(first: 101) { totalCount } }`);
      expect(errorCode(reply)).toBe('BAD_USER_INPUT');
      expect(reply.errors?.[0].extensions?.field).toBe('first');
    });
  });

  describe('rate limits', () => {
    const app = new TestApp();
    let second: NestFastifyApplication;
    let secondUrl: string;
    let admin: Member;
    let boardId: string;

    beforeAll(async () => {
      await app.start({
        env: {
          RATE_LIMIT: 'on',
          RATE_LIMIT_WRITES_PER_MINUTE: '5',
          RATE_LIMIT_ANONYMOUS_PER_MINUTE: '8',
        },
      });
      // A second instance on the same database and Redis, like a second pod behind a balancer.
      second = await createApi();
      await second.listen(0, '127.0.0.1');
      secondUrl = `${await second.getUrl()}/graphql`;
      admin = await app.member('ADMIN');
      boardId = await app.board(admin);
    });
    afterAll(async () => {
      await second.close();
      await app.stop();
    });

    it("limits a member's writes across every instance, and writes nothing once limited", async () => {
      const login = ok(
        await app.gql<{ login: { token: string } }>(
          `mutation { login(input: { email: "${admin.email}", password: "${admin.password}" }) { token } }`,
        ),
      );
      const member = { token: login.login.token };
      const input = (i: number) => ({
        input: { boardId, title: `Rate limited question ${i}`, body: 'Body' },
      });
      const replies = [];
      // createBoard above used one write; these use the other four, alternating instances.
      for (let i = 0; i < 6; i++) {
        replies.push(
          i % 2
            ? await postGraphQL(secondUrl, ASK, input(i), member.token)
            : await app.gql(ASK, input(i), member.token),
        );
      }
      const codes = replies.map((reply) => reply.errors?.[0].extensions?.code ?? 'OK');
      expect(codes).toEqual(['OK', 'OK', 'OK', 'OK', 'RATE_LIMITED', 'RATE_LIMITED']);
      expect(replies[4].errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(
        await app.sql(
          `SELECT count(*)::int AS n FROM threads WHERE title LIKE 'Rate limited question%'`,
        ),
      ).toEqual([{ n: 4 }]);
      // Reading is not limited for members.
      for (let i = 0; i < 10; i++) ok(await app.gql('{ viewer { handle } }', {}, member.token));
    });

    it('limits anonymous calls per address', async () => {
      const replies = [];
      for (let i = 0; i < 10; i++) replies.push(await app.gql('{ boards { id } }'));
      // Whatever this address used before, the last two of ten are over a limit of eight.
      expect(replies.slice(-2).map(errorCode)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    });
  });

  describe('with RATE_LIMIT=off', () => {
    const app = new TestApp();
    beforeAll(() => app.start({ env: { RATE_LIMIT: 'off', RATE_LIMIT_WRITES_PER_MINUTE: '1' } }));
    afterAll(() => app.stop());

    it('lets a member write far past the configured limit', async () => {
      const admin = await app.member('ADMIN');
      const boardId = await app.board(admin);
      for (let i = 0; i < 10; i++) {
        ok(
          await app.gql(
            ASK,
            { input: { boardId, title: `Unlimited question ${i}`, body: 'Body' } },
            admin.token,
          ),
        );
      }
    });
  });
});
