import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { fromGlobalId, isLostConnection } from '@app/core';
import { GraphQLErrorShape, ok } from './support/graphql-client';
import { TcpProxy } from './support/tcp-proxy';
import { eventually, Member, TestApp } from './support/test-app';

const PG_PORT = Number(
  new URL(process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://x@127.0.0.1:5432').port || 5432,
);

const POST_ANSWER = `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`;

interface RawResponse {
  status: number;
  retryAfter: string | null;
  body: { data?: unknown; errors?: GraphQLErrorShape[] };
}

/** Posts an operation and keeps the HTTP status and Retry-After, which the test client drops. */
async function post(url: string, query: string, variables: object, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as RawResponse['body'],
  } satisfies RawResponse;
}

function expectServiceUnavailable(response: RawResponse): void {
  expect(response.status).toBe(503);
  expect(response.retryAfter).toBe('1');
  expect(response.body.errors?.map((error) => error.extensions)).toEqual([
    { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 },
  ]);
  expect(JSON.stringify(response.body)).not.toMatch(/INTERNAL_SERVER_ERROR|ECONN|terminat/i);
}

/**
 * The API's database goes away under it (a restart, a failover, a terminated backend): requests
 * meanwhile are refused as SERVICE_UNAVAILABLE with HTTP 503 and Retry-After, never as
 * INTERNAL_SERVER_ERROR, nothing half-written stays, and the API serves again once it is back.
 */
describe('a lost database connection', () => {
  const proxy = new TcpProxy(PG_PORT);
  const app = new TestApp();
  let asker: Member;
  let answerer: Member;
  let threadId: string;
  let threadUuid: string;

  const answersOf = async () =>
    (
      await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM posts WHERE thread_id = $1`, [
        threadUuid,
      ])
    )[0].n;

  beforeAll(async () => {
    await proxy.up();
    const url = new URL(app.databaseUrl);
    url.port = String(proxy.port);
    await app.start({ env: { DATABASE_URL: url.toString() } });
    const admin = await app.member('ADMIN');
    [asker, answerer] = [await app.member(), await app.member()];
    threadId = await app.ask(asker, await app.board(admin));
    threadUuid = fromGlobalId(threadId, 'Thread', 'id');
  });
  afterAll(async () => {
    await proxy.up();
    await app.stop();
    await proxy.down();
  });

  it('refuses a mutation while the database is unreachable with 503, then recovers', async () => {
    await proxy.down();
    try {
      const during = await post(
        app.url,
        POST_ANSWER,
        { input: { threadId, body: 'Posted while the database was away.' } },
        answerer.token,
      );
      expectServiceUnavailable(during);

      const read = await post(app.url, `query($id: ID!) { thread(id: $id) { title } }`, {
        id: threadId,
      });
      expectServiceUnavailable(read);
    } finally {
      await proxy.up();
    }
    const after = await eventually(
      () =>
        post(
          app.url,
          POST_ANSWER,
          { input: { threadId, body: 'Posted once it was back.' } },
          answerer.token,
        ),
      (response) => response.status === 200,
    );
    expect(after.body.errors).toBeUndefined();
    expect(await answersOf()).toBe(1);
  });

  it('refuses a mutation whose backend is terminated mid-transaction, writing nothing', async () => {
    const before = await answersOf();
    const [{ answer_count: countBefore }] = await app.sql<{ answer_count: number }>(
      `SELECT answer_count FROM threads WHERE id = $1`,
      [threadUuid],
    );
    // Hold the thread's row, so the answer's transaction waits on it; then end its backend.
    const holder = new Client({ connectionString: app.databaseUrl });
    const watcher = new Client({ connectionString: app.databaseUrl });
    await Promise.all([holder.connect(), watcher.connect()]);
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM threads WHERE id = $1 FOR UPDATE', [threadUuid]);
      const pending = post(
        app.url,
        POST_ANSWER,
        { input: { threadId, body: 'Waiting on the thread when its backend ends.' } },
        answerer.token,
      );
      const waiting = await eventually(
        async () =>
          (
            await watcher.query<{ pid: number }>(
              `SELECT pid FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )
          ).rows,
        (rows) => rows.length > 0,
      );
      await watcher.query(`SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid`, [
        waiting.map((row) => row.pid),
      ]);
      expectServiceUnavailable(await pending);
      await holder.query('ROLLBACK');
    } finally {
      await Promise.all([holder.end(), watcher.end()]);
    }
    expect(await answersOf()).toBe(before);
    const [{ answer_count: countAfter }] = await app.sql<{ answer_count: number }>(
      `SELECT answer_count FROM threads WHERE id = $1`,
      [threadUuid],
    );
    expect(countAfter).toBe(countBefore);

    const retried = ok(
      await app.gql<{ postAnswer: { id: string } }>(
        POST_ANSWER,
        { input: { threadId, body: 'Waiting on the thread when its backend ends.' } },
        answerer.token,
      ),
    );
    expect(retried.postAnswer.id).toBeTruthy();
    expect(await answersOf()).toBe(before + 1);
  });

  it('refuses an export download while the database is unreachable with 503 too', async () => {
    await proxy.down();
    try {
      const response = await fetch(
        app.url.replace(/\/graphql$/, '/exports/00000000-0000-4000-8000-000000000000.csv'),
        { headers: { authorization: `Bearer ${answerer.token}` } },
      );
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(await response.text()).not.toMatch(/ECONN|terminat|stack/i);
    } finally {
      await proxy.up();
    }
  });
});

/**
 * A transaction whose connection dies while it is idle between two statements: TypeORM releases
 * its query runner on the connection's error, and the next statement fails on the released
 * runner rather than on a socket. That failure is a lost connection too.
 */
describe('a transaction whose connection dies between statements', () => {
  const app = new TestApp();
  let dataSource: DataSource;

  beforeAll(async () => {
    await app.start();
    dataSource = await new DataSource({ type: 'postgres', url: app.databaseUrl }).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await app.stop();
  });

  it('fails as a lost connection', async () => {
    const failure = await dataSource
      .transaction(async (manager) => {
        const [{ pid }] = await manager.query<Array<{ pid: number }>>(
          'SELECT pg_backend_pid() AS pid',
        );
        await app.sql('SELECT pg_terminate_backend($1)', [pid]);
        // The server's notice of termination reaches the idle client as an error event.
        await new Promise((resolve) => setTimeout(resolve, 200));
        await manager.query('SELECT 1');
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(Error);
    expect(isLostConnection(failure)).toBe(true);
  });
});
