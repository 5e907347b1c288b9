import { Client } from 'pg';
import { ChildApp, FaultPlatform, until } from './support/fault-services';
import { GraphQLErrorShape } from './support/graphql-client';
import { LiveSubscription, liveClient } from './support/live-client';
import { Mailbox } from './support/mailbox';
import { Member } from './support/test-app';

const METRICS_TOKEN = 'observability-scrape-token';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const POST_ANSWER = `mutation PostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`;

type Running = ChildApp & { url: string };
type LogLine = Record<string, unknown>;

interface Reply {
  status: number;
  requestId: string | null;
  errors?: GraphQLErrorShape[];
}

/** Posts one GraphQL operation to `api`, with extra headers, and keeps the echoed request id. */
async function send(
  api: Running,
  query: string,
  variables: object = {},
  headers: Record<string, string> = {},
): Promise<Reply> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: GraphQLErrorShape[] };
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    errors: body.errors,
  };
}

/** The metrics of a process, read as Prometheus would with the token. */
async function scrape(app: Running): Promise<string> {
  const response = await fetch(`${app.url}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of one series (name and labels exactly as exposed), undefined when absent. */
function sample(metrics: string, series: string): number | undefined {
  const line = metrics.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Waits until `series` on `app` passes `done`; returns its value. */
async function sampleWhen(
  app: Running,
  series: string,
  done: (value: number | undefined) => boolean,
): Promise<number | undefined> {
  let value: number | undefined;
  await until(
    `${series} on the ${app.name}`,
    async () => done((value = sample(await scrape(app), series))),
    15000,
    100,
  ).catch((error: Error) => {
    throw new Error(`${error.message} (last ${value})`);
  });
  return value;
}

const withRequestId = (app: ChildApp, id: string): LogLine[] =>
  app.logs().filter((line) => line.requestId === id);

const requestUrl = (line: LogLine): string | undefined => (line.req as { url?: string })?.url;

/** Waits until the log of `app` has a line that passes `match`, and returns it. */
async function logLine(app: ChildApp, match: (line: LogLine) => boolean): Promise<LogLine> {
  let found: LogLine | undefined;
  await until(
    `a log line of the ${app.name}`,
    () => (found = app.logs().find(match)) !== undefined,
    15000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${app.tail()}`);
  });
  return found as LogLine;
}

/**
 * Waits until the worker has nothing left to do for events: none unrelayed, no event or email
 * job queued or running. (The other queues always hold their next scheduled run, delayed.)
 */
async function settled(worker: Running): Promise<void> {
  await until(
    'the worker is idle',
    async () => {
      const metrics = await scrape(worker);
      const busy = metrics
        .split('\n')
        .filter((line) =>
          /^queue_jobs\{queue="(domain-events|emails)",state="(waiting|active|delayed)"\}/.test(
            line,
          ),
        )
        .some((line) => !line.endsWith(' 0'));
      return !busy && sample(metrics, 'outbox_pending_events') === 0;
    },
    15000,
    100,
  );
}

/**
 * What an operator sees of the API and the worker, as processes on a platform of their own:
 * request ids across both logs, one log line and metrics per GraphQL operation, live
 * subscriptions, and the worker's own health and metrics (outbox, queues, fan-out).
 */
describe("an operator's view", () => {
  const platform = new FaultPlatform({ env: { METRICS_TOKEN, SHUTDOWN_DELAY_MS: '0' } });
  const mailbox = new Mailbox();
  let api: Running;
  let worker: Running;
  let asker: Member;
  let answerer: Member;
  let threadId: string;

  const answer = (requestId?: string): Promise<Reply> =>
    send(
      api,
      POST_ANSWER,
      { input: { threadId, body: 'Dial 121 and follow the prompts.' } },
      {
        authorization: `Bearer ${answerer.token}`,
        ...(requestId ? { 'x-request-id': requestId } : {}),
      },
    );

  beforeAll(async () => {
    const [smtpUrl] = await Promise.all([mailbox.start(), platform.start()]);
    [api, worker] = await Promise.all([platform.api(), platform.worker({ SMTP_URL: smtpUrl })]);
    const admin = await platform.member(api.url, 'ADMIN');
    asker = await platform.member(api.url);
    answerer = await platform.member(api.url);
    threadId = await platform.thread(api.url, admin, asker);
  }, 120000);
  afterAll(async () => {
    await platform.stop();
    await mailbox.stop();
  });

  describe('request ids and logs', () => {
    it("echoes a given x-request-id, in the request's log lines and the worker's line for its event", async () => {
      const id = 'obs-trace-0001';
      const reply = await answer(id);
      expect(reply.errors).toBeUndefined();
      expect(reply.requestId).toBe(id);

      const completed = await logLine(
        api,
        (line) => line.requestId === id && line.msg === 'request completed',
      );
      expect(completed).toMatchObject({ res: { statusCode: 200 } });
      expect(withRequestId(api, id)).toContainEqual(
        expect.objectContaining({ context: 'GraphQL', operationName: 'PostAnswer' }),
      );
      const handled = await logLine(worker, (line) => line.requestId === id);
      expect(handled).toMatchObject({
        context: 'DomainEventsProcessor',
        eventType: 'post.created',
        msg: 'handled post.created',
      });
    });

    it.each([
      ['spaces', 'two words'],
      ['more than 128 characters', 'x'.repeat(129)],
    ])('replaces an x-request-id with %s by a fresh UUID, used in the logs', async (_what, bad) => {
      const reply = await send(api, 'query Boards { boards { id } }', {}, { 'x-request-id': bad });
      expect(reply.status).toBe(200);
      expect(reply.requestId).toMatch(UUID);
      const id = reply.requestId as string;
      await logLine(api, (line) => line.requestId === id && line.msg === 'request completed');
      expect(withRequestId(api, bad)).toEqual([]);
    });

    it('logs each GraphQL operation with its name, type, duration and error codes', async () => {
      const refused = await send(
        api,
        POST_ANSWER,
        { input: { threadId, body: 'Signed out, so refused.' } },
        { 'x-request-id': 'obs-refused-0001' },
      );
      expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const line = await logLine(
        api,
        (candidate) =>
          candidate.requestId === 'obs-refused-0001' && candidate.context === 'GraphQL',
      );
      expect(line).toMatchObject({
        operationName: 'PostAnswer',
        operationType: 'mutation',
        errorCodes: ['UNAUTHENTICATED'],
      });
      expect(typeof line.durationMs).toBe('number');
    });

    it('leaves health probes and scrapes out of the request log, on the API and the worker', async () => {
      for (const app of [api, worker]) {
        for (const path of ['/health/live', '/health/ready']) {
          expect((await fetch(`${app.url}${path}`)).status).toBe(200);
        }
        await scrape(app);
        // A request that is logged, after which any line about the ones before would be there.
        expect((await fetch(`${app.url}/not-a-route`)).status).toBe(404);
        await logLine(app, (line) => requestUrl(line) === '/not-a-route');
        const logged = app.logs().flatMap((line) => requestUrl(line) ?? []);
        expect(logged.filter((url) => /^\/(health|metrics)/.test(url))).toEqual([]);
      }
    });
  });

  describe('metrics of the API', () => {
    it('has GraphQL operation durations by name and type, and errors by code', async () => {
      await answer();
      await send(api, POST_ANSWER, { input: { threadId, body: 'Signed out.' } });
      const metrics = await scrape(api);
      expect(
        sample(
          metrics,
          'graphql_operation_duration_seconds_count{operation_name="PostAnswer",operation_type="mutation"}',
        ),
      ).toBeGreaterThanOrEqual(1);
      expect(
        sample(metrics, 'graphql_errors_total{code="UNAUTHENTICATED"}'),
      ).toBeGreaterThanOrEqual(1);
    });

    it('counts live subscriptions by field while they run: ended by the client, then by the socket closing', async () => {
      const notifications = 'graphql_live_subscriptions{field="notificationAdded"}';
      const activity = 'graphql_live_subscriptions{field="threadActivity"}';
      // Every subscription field has its series from the start.
      const idle = await scrape(api);
      expect([sample(idle, notifications), sample(idle, activity)]).toEqual([0, 0]);
      const client = liveClient(`${api.url}/graphql`, asker.token);
      const mine = new LiveSubscription(client, 'subscription { notificationAdded { id } }', {});
      // Runs until the socket closes.
      new LiveSubscription(
        client,
        'subscription($threadId: ID!) { threadActivity(threadId: $threadId) { id } }',
        { threadId },
      );
      try {
        await sampleWhen(api, notifications, (value) => value === 1);
        await sampleWhen(api, activity, (value) => value === 1);

        // The client completes one; the socket stays open for the other.
        mine.close();
        await sampleWhen(api, notifications, (value) => value === 0);
        expect(sample(await scrape(api), activity)).toBe(1);

        await client.dispose();
        await sampleWhen(api, activity, (value) => value === 0);
      } finally {
        await client.dispose();
      }
    });

    it('refuses a scrape without the token', async () => {
      for (const authorization of [undefined, 'Bearer not-the-scrape-token']) {
        const response = await fetch(`${api.url}/metrics`, {
          headers: authorization ? { authorization } : {},
        });
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      }
    });
  });

  describe('health and metrics of the worker', () => {
    it('answers liveness and readiness with Postgres and Redis checked', async () => {
      expect((await fetch(`${worker.url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${worker.url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        status: 'ok',
        details: { postgres: { status: 'up' }, redis: { status: 'up' } },
      });
    });

    it('refuses a scrape without the token', async () => {
      const response = await fetch(`${worker.url}/metrics`);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    });

    it('counts the notifications and emails of an answer, and the email attempt that failed', async () => {
      const written = 'notifications_written_total{kind="NEW_ANSWER"}';
      const sent = 'notification_emails_sent_total{kind="NEW_ANSWER"}';
      const failures = 'queue_job_failures_total{queue="emails"}';
      await settled(worker);
      const before = await scrape(worker);
      const counted = (series: string): number => sample(before, series) ?? NaN;
      expect(counted(written)).toBeGreaterThanOrEqual(0);
      expect(counted(failures)).toBeGreaterThanOrEqual(0);

      // The mail server turns the first attempt away; the queue retries it a second later.
      mailbox.refuse(1);
      expect((await answer()).errors).toBeUndefined();
      await sampleWhen(worker, sent, (value) => value === counted(sent) + 1);
      const after = await scrape(worker);
      expect(sample(after, written)).toBe(counted(written) + 1);
      expect(sample(after, failures)).toBe(counted(failures) + 1);
      expect(mailbox.to(asker.email).length).toBeGreaterThanOrEqual(1);
    });

    it('has the depth of every queue by state', async () => {
      const metrics = await scrape(worker);
      for (const queue of ['domain-events', 'emails']) {
        for (const state of ['waiting', 'active', 'delayed', 'failed']) {
          const value = sample(metrics, `queue_jobs{queue="${queue}",state="${state}"}`);
          expect({ queue, state, value }).toEqual({ queue, state, value: expect.any(Number) });
          expect(value).toBeGreaterThanOrEqual(0);
        }
      }
    });

    it('has the outbox backlog and the age of its oldest event', async () => {
      const pending = 'outbox_pending_events';
      const age = 'outbox_oldest_pending_event_age_seconds';
      await sampleWhen(worker, pending, (value) => value === 0);
      expect(sample(await scrape(worker), age)).toBe(0);

      // An event made to wait: recorded as relayed, held with a lock the relay's FOR UPDATE
      // SKIP LOCKED passes over (FOR KEY SHARE does not block an update of other columns), then
      // marked pending and backdated. The relay skips it while the lock is held; readers see it.
      const [{ id }] = await platform.sql<{ id: string }>(
        `INSERT INTO outbox (type, payload, dispatched_at) VALUES ('test.held', '{}', now()) RETURNING id`,
      );
      const holder = new Client({ connectionString: platform.postgres.url() });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT id FROM outbox WHERE id = $1 FOR KEY SHARE', [id]);
        await platform.sql(
          `UPDATE outbox SET dispatched_at = NULL, created_at = now() - interval '90 seconds' WHERE id = $1`,
          [id],
        );
        const held = await scrape(worker);
        expect(sample(held, pending)).toBe(1);
        expect(sample(held, age)).toBeGreaterThanOrEqual(90);
        expect(sample(held, age)).toBeLessThan(120);
        await holder.query('ROLLBACK');
      } finally {
        await holder.end();
      }
      await sampleWhen(worker, pending, (value) => value === 0);
      expect(sample(await scrape(worker), age)).toBe(0);
    });
  });
});
