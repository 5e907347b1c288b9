import { createHash } from 'node:crypto';
import { fromGlobalId } from '@app/core';
import { GraphQLErrorShape } from './support/graphql-client';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { channelHasListener, LiveSubscription } from './support/live-client';
import { Member, TestApp } from './support/test-app';

interface Reply {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: GraphQLErrorShape[] };
}

async function send(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Reply['body'],
  };
}

const codes = (reply: Reply) => reply.body.errors?.map((error) => error.extensions?.code);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * What GraphQL clients (Apollo Client and its links, graphql-ws, generic HTTP clients) rely on:
 * automatic persisted queries, Apollo's codes for requests that never run, subscriptions that
 * fail alone, and a clear refusal of a subscription over plain HTTP.
 */
describe('GraphQL as its clients expect', () => {
  const app = new TestApp();
  let member: Member;
  let threadId: string;
  beforeAll(async () => {
    await app.start({ worker: true });
    const admin = await app.member('ADMIN');
    member = await app.member();
    threadId = await app.ask(member, await app.board(admin));
  });
  afterAll(() => app.stop());

  describe('automatic persisted queries', () => {
    const query = '{ boards { slug } }';
    const persisted = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };

    it('asks for the query when the hash is unknown, then serves the hash alone', async () => {
      const unknown = await send(app.url, { extensions: persisted });
      expect(codes(unknown)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      expect(unknown.status).toBeLessThan(500);

      const registered = await send(app.url, { query, extensions: persisted });
      expect(registered.body.errors).toBeUndefined();
      expect(Array.isArray(registered.body.data?.boards)).toBe(true);

      const byHash = await send(app.url, { extensions: persisted });
      expect(byHash.status).toBe(200);
      expect(byHash.body).toEqual(registered.body);
    });

    it('refuses a query that does not match its hash', async () => {
      const reply = await send(app.url, {
        query: '{ viewer { id } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ boards { id } }') } },
      });
      expect(reply.status).toBe(400);
      expect(reply.body.data).toBeUndefined();
    });

    it('passes the operation gate like any other query', async () => {
      const deep = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: boards { slug }`).join(' ')} }`;
      const reply = await send(app.url, {
        query: deep,
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256(deep) } },
      });
      expect(codes(reply)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(reply.status).toBe(400);
    });
  });

  describe("Apollo's codes for requests that never run, with HTTP 400", () => {
    it.each([
      ['a document that does not parse', { query: '{ boards { slug ' }, 'GRAPHQL_PARSE_FAILED'],
      ['an unknown field', { query: '{ boards { nope } }' }, 'GRAPHQL_VALIDATION_FAILED'],
      ['a wrong argument', { query: '{ thread(idd: "x") { id } }' }, 'GRAPHQL_VALIDATION_FAILED'],
      ['no query at all', { variables: {} }, 'BAD_REQUEST'],
      [
        'two operations and no operationName',
        { query: 'query A { boards { slug } } query B { boards { name } }' },
        'OPERATION_RESOLUTION_FAILURE',
      ],
    ])('%s', async (_what, body, code) => {
      const reply = await send(app.url, body);
      expect(reply.status).toBe(400);
      expect(codes(reply)).toEqual([code]);
      expect(reply.body.errors?.[0].message).toBeTruthy();
    });

    it('keeps the contract codes for operations that run', async () => {
      const reply = await send(app.url, { query: '{ boards(first: 1) { slug } }' });
      expect(codes(reply)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      const running = await send(app.url, {
        query: 'query($id: ID!) { thread(id: $id) { id } }',
        variables: { id: 'not-an-id' },
      });
      expect(codes(running)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('subscriptions', () => {
    it('over plain HTTP are refused with 400 and a message that says where they go', async () => {
      const reply = await send(app.url, {
        query: 'subscription($id: ID!) { threadActivity(threadId: $id) { id } }',
        variables: { id: threadId },
      });
      expect(reply.status).toBe(400);
      expect(codes(reply)).toEqual(['BAD_REQUEST']);
      expect(reply.body.errors?.[0].message).toMatch(/graphql-ws|WebSocket/);
    });

    it('with an error fail alone: the socket stays open for the others', async () => {
      // Not lazy: the socket would otherwise close by itself whenever no subscription is active.
      const client = createClient({
        url: app.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${member.token}` },
        retryAttempts: 0,
        lazy: false,
      });
      const closed: number[] = [];
      client.on('closed', (event) => closed.push((event as { code: number }).code));
      try {
        const invalid = new LiveSubscription(client, 'subscription { nope }', {});
        const unknownThread = new LiveSubscription(
          client,
          'subscription($id: ID!) { threadActivity(threadId: $id) { id } }',
          { id: 'not-an-id' },
        );
        const [invalidResult] = await invalid.received(1);
        expect(invalidResult.errors?.map((error) => error.extensions?.code)).toEqual([
          'GRAPHQL_VALIDATION_FAILED',
        ]);
        const [unknownResult] = await unknownThread.received(1);
        expect(unknownResult.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

        // The same socket still carries a working subscription and a query.
        const live = new LiveSubscription<{ threadActivity: { id: string } }>(
          client,
          'subscription($id: ID!) { threadActivity(threadId: $id) { id } }',
          { id: threadId },
        );
        await channelHasListener(
          `${app.name}:thread-activity:${fromGlobalId(threadId, 'Thread', 'threadId')}`,
        );
        const answer = await app.answer(member, threadId);
        const [next] = await live.received(1);
        expect(next.data?.threadActivity.id).toBe(answer);
        const query = new LiveSubscription<{ boards: unknown[] }>(
          client,
          '{ boards { slug } }',
          {},
        );
        const [result] = await query.received(1);
        expect(Array.isArray(result.data?.boards)).toBe(true);
        expect(closed).toEqual([]);
        live.close();
      } finally {
        await client.dispose();
      }
    });
  });
});

/** Browsers on the origins of CORS_ORIGINS may call the API; no other origin, and none by default. */
describe('CORS', () => {
  const allowed = 'https://community.example.com';
  const listed = new TestApp();
  const unlisted = new TestApp();
  beforeAll(async () => {
    await listed.start({ env: { CORS_ORIGINS: `${allowed},http://localhost:5173` } });
    await unlisted.start({ env: { CORS_ORIGINS: '' } });
  });
  afterAll(async () => {
    await listed.stop();
    await unlisted.stop();
  });

  const preflight = (url: string, origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });

  it('answers the preflight of a listed origin', async () => {
    const response = await preflight(listed.url, allowed);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(response.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  });

  it('lets a listed origin read the answer of a request, and the id it went by', async () => {
    const reply = await send(listed.url, { query: '{ boards { slug } }' }, { origin: allowed });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(reply.headers.get('access-control-expose-headers')).toBe('x-request-id');
  });

  it.each([
    ['another origin, when some are listed', () => listed.url, 'https://evil.example'],
    ['any origin, when none is listed', () => unlisted.url, allowed],
  ])('gives no CORS headers to %s', async (_what, url, origin) => {
    const response = await preflight(url(), origin);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const reply = await send(url(), { query: '{ boards { slug } }' }, { origin });
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
  });
});
