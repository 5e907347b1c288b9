import { APP_CONFIG, AppConfig } from '@app/core';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'graphql-ws';
import { randomBytes } from 'node:crypto';
import { errorCode, ok } from './support/graphql-client';
import { liveClient, LiveSubscription } from './support/live-client';
import { TestApp } from './support/test-app';

const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('hex') };
const METRICS_TOKEN = `scrape-${randomBytes(16).toString('hex')}`;

/** The base URL (no /graphql) of an app. */
const baseOf = (app: TestApp): string => app.url.replace(/\/graphql$/, '');

/** The responses of an app that every check of the headers looks at. */
async function responses(app: TestApp): Promise<Array<[string, Response]>> {
  const base = baseOf(app);
  const query = encodeURIComponent('{ boards { id } }');
  return [
    [
      'POST /graphql',
      await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ boards { id } }' }),
      }),
    ],
    [
      'GET /graphql',
      await fetch(`${app.url}?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } }),
    ],
    ['GET /health/live', await fetch(`${base}/health/live`)],
    ['GET /exports/:id.csv', await fetch(`${base}/exports/nothing.csv`)],
  ];
}

describe('security headers', () => {
  const app = new TestApp();
  const clients: Client[] = [];
  beforeAll(() => app.start({ env: { METRICS_TOKEN: '' } }));
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await app.stop();
  });

  it('are sent on GraphQL, health and export responses', async () => {
    for (const [label, response] of await responses(app)) {
      const headers = Object.fromEntries(response.headers);
      expect({ label, ...headers }).toMatchObject({
        label,
        'x-content-type-options': 'nosniff',
        'content-security-policy': expect.stringContaining("default-src 'none'"),
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
      });
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      // Outside production no HTTPS pin: a developer's http://localhost stays usable.
      expect(headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('leave GraphQL working over POST and GET', async () => {
    const [[, post], [, get]] = await responses(app);
    expect(post.status).toBe(200);
    expect(await post.json()).toEqual({ data: { boards: [] } });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { boards: [] } });
  });

  it('leave the graphql-ws upgrade working', async () => {
    const member = await app.member();
    const client = liveClient(app.url, member.token);
    clients.push(client);
    const live = new LiveSubscription<{ viewer: { handle: string } }>(
      client,
      '{ viewer { handle } }',
      {},
    );
    const [result] = await live.received(1);
    expect(result).toEqual({ data: { viewer: { handle: member.handle } } });
  });
});

describe('security headers in production', () => {
  const app = new TestApp();
  beforeAll(() => app.start({ env: { ...PRODUCTION, METRICS_TOKEN: '' } }));
  afterAll(() => app.stop());

  it('include Strict-Transport-Security', async () => {
    for (const [, response] of await responses(app)) {
      expect(response.headers.get('strict-transport-security')).toBe(
        'max-age=31536000; includeSubDomains',
      );
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
  });

  it('come with /metrics turned off when no METRICS_TOKEN is set', async () => {
    const response = await fetch(`${baseOf(app)}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('process_cpu_user_seconds_total');
  });
});

describe('/metrics behind METRICS_TOKEN', () => {
  const app = new TestApp();
  let metricsUrl: string;
  beforeAll(async () => {
    await app.start({ env: { ...PRODUCTION, METRICS_TOKEN } });
    metricsUrl = `${baseOf(app)}/metrics`;
  });
  afterAll(() => app.stop());

  it.each([
    ['no Authorization header', undefined],
    ['another token', `Bearer ${METRICS_TOKEN.slice(0, -1)}x`],
    ['the token with a suffix', `Bearer ${METRICS_TOKEN}x`],
    ['the token without the Bearer scheme', METRICS_TOKEN],
    ['a member token', `Bearer ${new JwtService({ secret: 'x'.repeat(32) }).sign({ sub: 'a' })}`],
  ])('answers 401 to %s, showing no metric', async (_label, authorization) => {
    const response = await fetch(metricsUrl, {
      headers: authorization === undefined ? {} : { authorization },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await response.text()).not.toContain('http_request_duration_seconds');
  });

  it('serves the metrics to the token', async () => {
    await fetch(`${baseOf(app)}/health/live`);
    const response = await fetch(metricsUrl, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(text).toContain('http_request_duration_seconds_bucket');
    expect(text).toContain('process_cpu_user_seconds_total');
  });
});

describe('a correctly signed token whose subject is not a member id', () => {
  const app = new TestApp();
  let token: string;
  beforeAll(async () => {
    await app.start();
    const { jwtSecret } = app.api.get<AppConfig>(APP_CONFIG);
    token = new JwtService({ secret: jwtSecret }).sign({ sub: 'not-a-uuid' });
  });
  afterAll(() => app.stop());

  it.each([
    ['a query that needs the viewer', '{ notifications(first: 1) { edges { node { kind } } } }'],
    ['the viewer query', '{ viewer { handle } }'],
    ['a public query', '{ boards { id } }'],
  ])('is refused as UNAUTHENTICATED on %s, never as a server error', async (_label, query) => {
    const response = await app.gql(query, {}, token);
    expect(response.status).toBeLessThan(500);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
  });

  it('is refused with 401 on an export download', async () => {
    const response = await fetch(
      `${baseOf(app)}/exports/00000000-0000-4000-8000-000000000000.csv`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(response.status).toBe(401);
  });

  it('leaves the same queries working without the token', async () => {
    expect(ok(await app.gql('{ boards { id } }'))).toEqual({ boards: [] });
  });
});
