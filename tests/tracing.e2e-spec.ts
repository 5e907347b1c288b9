import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { adminQuery, databaseUrl, templateDatabase } from './support/databases';
import { ChildApp, freePort, SourceBuild, until } from './support/fault-services';
import { ok, postGraphQL } from './support/graphql-client';
import { OtlpCollector, ReceivedSpan } from './support/otlp-collector';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SERVER = 2;

/**
 * Tracing as an operator turns it on: API and worker as processes exporting over OTLP/HTTP to a
 * collector, one trace per request across HTTP, GraphQL, Postgres and Redis, the event's job
 * traced in the worker, and the trace id in the request's log lines.
 */
describe('tracing over OTLP', () => {
  const build = new SourceBuild();
  const collector = new OtlpCollector();
  const name = `ct_trace_${randomBytes(4).toString('hex')}`;
  const children: ChildApp[] = [];
  let endpoint: string;

  const env = (more: Record<string, string>): Record<string, string> => ({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(name),
    REDIS_URL,
    REDIS_PREFIX: name,
    RATE_LIMIT: 'off',
    LOG_LEVEL: 'info',
    WORKER_PORT: '0',
    SHUTDOWN_DELAY_MS: '0',
    ...more,
  });

  async function api(more: Record<string, string> = {}): Promise<ChildApp & { url: string }> {
    const port = await freePort();
    const child = new ChildApp('api', build.main('api'), env({ PORT: String(port), ...more }));
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    await until('the API is ready', async () => {
      if (child.exit) throw new Error(`the API exited: ${child.tail()}`);
      return (await fetch(`${url}/health/ready`).catch(() => null))?.status === 200;
    });
    return Object.assign(child, { url });
  }

  beforeAll(async () => {
    await Promise.all([
      build.build(),
      adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`),
      collector.start().then((url) => (endpoint = url)),
    ]);
  }, 60000);

  afterAll(async () => {
    await Promise.all(children.map((child) => child.stop()));
    await collector.stop();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    build.destroy();
  });

  const spansOf = (traceId: string): ReceivedSpan[] =>
    collector.spans.filter((span) => span.traceId === traceId);

  it('traces a request through HTTP, GraphQL and Postgres, and its event in the worker through BullMQ, Postgres and Redis', async () => {
    const tracedApi = await api({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    const worker = new ChildApp(
      'worker',
      build.main('worker'),
      env({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }),
    );
    children.push(worker);

    const graphql = `${tracedApi.url}/graphql`;
    const admin = ok(
      await postGraphQL<{ register: { token: string; user: { id: string } } }>(
        graphql,
        'mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }',
        {
          input: { handle: 'tracer', email: 'tracer@example.com', password: 'correct-horse-9' },
        },
      ),
    ).register;
    const db = new Client({ connectionString: databaseUrl(name) });
    await db.connect();
    await db.query(`UPDATE users SET role = 'ADMIN' WHERE handle = 'tracer'`);
    await db.end();
    const board = ok(
      await postGraphQL<{ createBoard: { id: string } }>(
        graphql,
        'mutation { createBoard(input: { slug: "traced", name: "Traced", description: "Traces", kind: QUESTIONS }) { id } }',
        {},
        admin.token,
      ),
    ).createBoard;
    const asked = await fetch(graphql, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({
        query: `mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
        variables: {
          input: { boardId: board.id, title: 'Is my line traced?', body: 'Where do spans go?' },
        },
      }),
    });
    expect(asked.status).toBe(200);
    const requestId = asked.headers.get('x-request-id');
    await fetch(`${tracedApi.url}/health/ready`);

    // The worker relays and handles the question's event; stopping flushes the spans.
    await until('the worker handled the event', () =>
      worker.lines.some(
        (line) => line.includes(requestId ?? '?') && line.includes('handled thread.created'),
      ),
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${worker.tail()}`);
    });
    expect(await tracedApi.stop()).toEqual({ code: 0, signal: null });
    expect(await worker.stop()).toEqual({ code: 0, signal: null });

    const askLog = tracedApi
      .logs()
      .find((line) => line.requestId === requestId && line.msg === 'request completed');
    expect(askLog?.trace_id).toMatch(/^[0-9a-f]{32}$/);
    const trace = spansOf(String(askLog?.trace_id));
    const server = trace.find((span) => span.kind === SERVER);
    expect(server?.service).toBe('community-platform-api');
    expect(server?.parentSpanId ?? '').toBe('');
    expect(Object.values(server?.attributes ?? {})).toContain('/graphql');
    const isPostgres = (span: ReceivedSpan): boolean =>
      span.attributes['db.system.name'] === 'postgresql';
    expect(trace.map((span) => span.name)).toContain('mutation Ask');
    expect(trace.filter(isPostgres).map((span) => span.name)).toContain(`pg.query:INSERT ${name}`);

    // The readiness probe is left out, and so is the idle polling of relay and queues.
    expect(
      collector.spans.some((span) => Object.values(span.attributes).includes('/health/ready')),
    ).toBe(false);
    const handled = collector.spans.find(
      (span) =>
        span.service === 'community-platform-worker' && span.name === 'process domain-events',
    );
    const job = spansOf(handled?.traceId ?? '?');
    expect(job.map((span) => span.name)).toContain('addBulk domain-events');
    expect(job.some(isPostgres)).toBe(true);
    expect(job.some((span) => span.attributes['db.system.name'] === 'redis')).toBe(true);
  }, 90000);

  it('sends nothing and adds no trace ids to logs when no endpoint is set', async () => {
    const before = collector.spans.length;
    const plain = await api();
    ok(await postGraphQL(`${plain.url}/graphql`, '{ boards { slug } }'));
    expect(await plain.stop()).toEqual({ code: 0, signal: null });
    const completed = plain.logs().filter((line) => line.msg === 'request completed');
    expect(completed.length).toBeGreaterThan(0);
    expect(completed.every((line) => line.trace_id === undefined)).toBe(true);
    expect(collector.spans.length).toBe(before);
  }, 60000);
});
