import { TestApp } from './support/test-app';

describe('operating the API', () => {
  const app = new TestApp();
  let base: string;
  beforeAll(async () => {
    await app.start();
    base = app.url.replace(/\/graphql$/, '');
  });
  afterAll(() => app.stop());

  it('answers liveness and readiness with Postgres and Redis up', async () => {
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      details: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('exposes Prometheus metrics including request latencies', async () => {
    await fetch(`${base}/health/live`);
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('http_request_duration_seconds_bucket');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('serves queries over GET as well as POST, with a header a cross-site page cannot send', async () => {
    const response = await fetch(`${app.url}?query=${encodeURIComponent('{ boards { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { boards: [] } });
  });

  it('answers a malformed query with GRAPHQL_PARSE_FAILED and no stack trace', async () => {
    const response = await app.gql('{ boards { id ');
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|at .*\.js/);
  });

  it('refuses an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const response = await app.gql('{ boards { nope } }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('requests the HTTP layer refuses', () => {
  const app = new TestApp();
  beforeAll(() => app.start());
  afterAll(() => app.stop());

  it.each([
    ['a body that is not JSON', '{"query": '],
    [
      'a body over one megabyte',
      JSON.stringify({ query: `{ boards { id } } #${'x'.repeat(1024 * 1024)}` }),
    ],
  ])('answers %s with a GraphQL error coded BAD_REQUEST', async (_label, body) => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const text = await response.text();
    const reply = JSON.parse(text) as { errors: Array<{ extensions: { code: string } }> };
    expect(reply.errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});
