import { Client } from 'graphql-ws';
import { GraphQLErrorShape } from './support/graphql-client';
import { liveClient } from './support/live-client';
import { TestApp } from './support/test-app';

/**
 * Hostile documents, each small enough to send from a phone: every one is refused quickly with
 * a 400 (over HTTP) or an error result (over graphql-ws) carrying a contract code, while other
 * clients go on being served.
 */

interface Answer {
  status: number;
  errors?: GraphQLErrorShape[];
  ms: number;
}

async function postRaw(
  url: string,
  body: string,
  contentType = 'application/json',
): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let errors: GraphQLErrorShape[] | undefined;
  try {
    errors = (JSON.parse(text) as { errors?: GraphQLErrorShape[] }).errors;
  } catch {
    errors = undefined;
  }
  return { status: response.status, errors, ms };
}

const post = (url: string, query: string, variables: unknown = {}, operationName?: string) =>
  postRaw(url, JSON.stringify({ query, variables, operationName }));

/** Runs one operation over graphql-ws and returns its first result's errors and the time taken. */
function overSocket(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const started = performance.now();
  return new Promise<{ errors?: readonly GraphQLErrorShape[]; ms: number }>((resolve) => {
    const stop = client.subscribe(
      { query, variables },
      {
        next: (result) => {
          stop();
          resolve({
            errors: result.errors as GraphQLErrorShape[],
            ms: performance.now() - started,
          });
        },
        error: (error) =>
          resolve({
            errors: (Array.isArray(error)
              ? error
              : [{ message: String(error) }]) as GraphQLErrorShape[],
            ms: performance.now() - started,
          }),
        complete: () => undefined,
      },
    );
  });
}

/** Fragments F0…F(n-1) each spreading the next `width` times: expanded, width^n selections. */
function fragmentBomb(levels: number, width: number): string {
  const fragments = Array.from({ length: levels }, (_, i) => {
    const spreads = Array.from({ length: width }, () => `...F${i + 1}`).join(' ');
    return `fragment F${i} on Query { ${spreads} }`;
  });
  fragments.push(`fragment F${levels} on Query { boards { id name threadCount } }`);
  return `query { ...F0 }\n${fragments.join('\n')}`;
}

/** The same, nested in fields: each level goes thread → answers → node → thread deeper. */
function nestedBomb(levels: number): string {
  const fragments = Array.from(
    { length: levels },
    (_, i) =>
      `fragment N${i} on Thread { answers(first: 100) { edges { node { thread { ...N${i + 1} ...N${i + 1} } } } } }`,
  );
  fragments.push(`fragment N${levels} on Thread { id }`);
  return `query { threads(first: 100) { edges { node { ...N0 } } } }\n${fragments.join('\n')}`;
}

/** Fragments each selecting `boards` and spreading the next. */
const fragmentChain = (length: number) =>
  `query { ...F0 } ${Array.from({ length }, (_, i) => `fragment F${i} on Query { boards { id } ...F${i + 1} }`).join(' ')} fragment F${length} on Query { boards { id } }`;

/** Fragments spread next to each other, each selecting the same field. */
const sideBySide = (count: number) =>
  `query { ${Array.from({ length: count }, (_, i) => `...F${i}`).join(' ')} } ${Array.from({ length: count }, (_, i) => `fragment F${i} on Query { boards { id name } }`).join(' ')}`;

const aliased = (count: number, field: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

const deep = (levels: number) => {
  // thread → answers → edges → node → thread …: four levels per round.
  let inner = 'id';
  for (let i = 0; i < levels; i += 4)
    inner = `thread { answers(first: 1) { edges { node { ${inner} } } } }`;
  return `{ threads(first: 1) { edges { node { answers(first: 1) { edges { node { ${inner} } } } } } } }`;
};

const HOSTILE: Array<[string, string, string]> = [
  ['a fragment bomb (3^14 spreads)', fragmentBomb(14, 3), 'QUERY_TOO_COMPLEX'],
  ['a wide fragment bomb (8^6 spreads)', fragmentBomb(6, 8), 'QUERY_TOO_COMPLEX'],
  ['a fragment bomb nested in fields', nestedBomb(12), 'QUERY_TOO_COMPLEX'],
  ['a document 40 levels deep', deep(40), 'QUERY_TOO_COMPLEX'],
  // Shapes that graphql-js validation compares pairwise: refused before validation runs.
  ['one field repeated 495 times', `{ ${'boards { id } '.repeat(495)} }`, 'QUERY_TOO_COMPLEX'],
  ['a chain of 300 fragments', fragmentChain(300), 'QUERY_TOO_COMPLEX'],
  ['300 fragments spread side by side', sideBySide(300), 'QUERY_TOO_COMPLEX'],
  // Past the token limit: refused while parsing.
  [
    '1,000 aliased searches',
    aliased(1000, 'search(query: "phone") { totalCount }'),
    'GRAPHQL_PARSE_FAILED',
  ],
  [
    '300 aliased searches',
    aliased(300, 'search(query: "phone") { totalCount }'),
    'QUERY_TOO_COMPLEX',
  ],
  ['31 aliased cheap fields', aliased(31, 'boards { id }'), 'QUERY_TOO_COMPLEX'],
  [
    'four aliased searches',
    aliased(4, 'search(query: "phone") { totalCount }'),
    'QUERY_TOO_COMPLEX',
  ],
  [
    'five aliased sign-ins',
    `mutation ${aliased(5, 'login(input: { email: "a@b.co", password: "wrong-password" }) { token }')}`,
    'QUERY_TOO_COMPLEX',
  ],
  ['5,000 tokens', `{ boards { ${'id '.repeat(5000)} } }`, 'GRAPHQL_PARSE_FAILED'],
  ['80 directives', `{ boards { id ${'@include(if: true) '.repeat(80)} } }`, 'QUERY_TOO_COMPLEX'],
  ['a page of 2147483647', '{ threads(first: 2147483647) { totalCount } }', 'BAD_USER_INPUT'],
];

describe('hostile documents', () => {
  const app = new TestApp();
  let live: Client;
  beforeAll(async () => {
    await app.start();
    live = liveClient(app.url);
  });
  afterAll(async () => {
    await live.dispose();
    await app.stop();
  });

  describe.each(HOSTILE)('%s', (_what, query, code) => {
    it('is refused over HTTP within 100 ms with a 400 and its code', async () => {
      await post(app.url, query); // warm-up: the first call of a shape pays for JIT compilation
      const answer = await post(app.url, query);
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0].extensions?.code).toBe(code);
      expect(answer.ms).toBeLessThan(100);
    });

    it('is refused over graphql-ws within 100 ms with its code', async () => {
      await overSocket(live, query);
      const answer = await overSocket(live, query);
      expect(answer.errors?.[0].extensions?.code).toBe(code);
      expect(answer.ms).toBeLessThan(100);
    });
  });

  it("keeps serving another client's request while bombs arrive", async () => {
    const bombs = Array.from({ length: 10 }, () => post(app.url, fragmentBomb(16, 3)));
    const started = performance.now();
    const health = await fetch(app.url.replace('/graphql', '/health/live'));
    const served = await post(app.url, '{ boards { id } }');
    expect(health.status).toBe(200);
    expect(served.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(500);
    for (const bomb of await Promise.all(bombs)) expect(bomb.status).toBe(400);
  });

  it('still serves a legitimate fragment-heavy query', async () => {
    const query = `query { ...Boards boards { ...BoardFields } }
      fragment Boards on Query { boards { ...BoardFields } }
      fragment BoardFields on Board { id name threadCount }`;
    const answer = await post(app.url, query);
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
  });

  describe('requests a client gets wrong', () => {
    it('refuses a batch of operations with a 400', async () => {
      const answer = await postRaw(
        app.url,
        JSON.stringify([{ query: '{ boards { id } }' }, { query: '{ boards { id } }' }]),
      );
      expect(answer.status).toBe(400);
    });

    it('refuses a 5 MB document with a 413 and BAD_REQUEST', async () => {
      const answer = await post(app.url, `{ boards { id } } # ${'x'.repeat(5 * 1024 * 1024)}`);
      expect(answer.status).toBe(413);
      expect(answer.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    });

    it('closes a WebSocket that sends a 5 MB message, with 1009', async () => {
      const closed = new Promise<number>((resolve) => {
        const client = liveClient(app.url);
        client.on('closed', (event) => resolve((event as { code: number }).code));
        client.subscribe(
          { query: `{ boards { id } } # ${'x'.repeat(5 * 1024 * 1024)}` },
          {
            next: () => undefined,
            error: () => undefined,
            complete: () => undefined,
          },
        );
      });
      expect(await closed).toBe(1009);
    });

    it('refuses variables nested 20,000 levels deep with a 400 naming them', async () => {
      const nested = `${'['.repeat(20000)}${']'.repeat(20000)}`;
      const query = `mutation($t: [String!]) { askQuestion(input: { boardId: "b", title: "A title", body: "A body", tags: $t }) { id } }`;
      const body = `{"query":${JSON.stringify(query)},"variables":{"t":${nested}}}`;
      const answer = await postRaw(app.url, body);
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(answer.errors)).not.toMatch(/call stack/i);
    });

    it.each([
      ['no operationName', undefined],
      ['an unknown operationName', 'Nope'],
    ])('refuses several operations with %s with a 400', async (_what, operationName) => {
      const answer = await post(
        app.url,
        'query A { boards { id } } query B { boards { name } }',
        {},
        operationName,
      );
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0].extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    });

    it('refuses the same over graphql-ws', async () => {
      const answer = await overSocket(
        live,
        'query A { boards { id } } query B { boards { name } }',
      );
      expect(answer.errors?.[0].extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    });

    it.each([
      ['a NUL', 'a\u0000b'],
      ['a lone high surrogate', 'a\ud800b'],
      ['a lone low surrogate', '\udc00'],
    ])('refuses %s in a variable over both transports, naming the field', async (_what, text) => {
      const query = 'query($q: String!) { search(query: $q) { totalCount } }';
      const http = await post(app.url, query, { q: text });
      expect(http.status).toBe(400);
      expect(http.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'q' });
      const socket = await overSocket(live, query, { q: text });
      expect(socket.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'q' });
    });

    it('refuses a NUL in a mutation over graphql-ws without reaching the database', async () => {
      const answer = await overSocket(
        live,
        'mutation($input: RegisterInput!) { register(input: $input) { token } }',
        {
          input: {
            handle: 'nul_ws',
            email: 'nul\u0000@example.com',
            password: 'correct-horse-battery',
          },
        },
      );
      expect(answer.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
      expect(await app.sql(`SELECT 1 FROM users WHERE handle = 'nul_ws'`)).toEqual([]);
    });
  });

  describe('cross-site requests', () => {
    it('refuses a form-encoded cross-site register and creates no member', async () => {
      const form = new URLSearchParams({
        query:
          'mutation { register(input: { handle: "csrf_victim", email: "csrf@example.com", password: "correct-horse-battery" }) { token } }',
      });
      const answer = await postRaw(app.url, form.toString(), 'application/x-www-form-urlencoded');
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(await app.sql(`SELECT 1 FROM users WHERE handle = 'csrf_victim'`)).toEqual([]);
    });

    it('refuses a text/plain cross-site post of a mutation', async () => {
      const body = JSON.stringify({
        query:
          'mutation { register(input: { handle: "csrf_plain", email: "plain@example.com", password: "correct-horse-battery" }) { token } }',
      });
      const answer = await postRaw(app.url, body, 'text/plain');
      expect(answer.status).toBe(400);
      expect(await app.sql(`SELECT 1 FROM users WHERE handle = 'csrf_plain'`)).toEqual([]);
    });

    it('refuses a GET without a preflight header, and a mutation over GET', async () => {
      const plain = await fetch(`${app.url}?query=${encodeURIComponent('{ boards { id } }')}`);
      expect(plain.status).toBe(400);
      const mutation = await fetch(
        `${app.url}?query=${encodeURIComponent('mutation { markNotificationsRead(ids: null) }')}`,
        { headers: { 'apollo-require-preflight': 'true' } },
      );
      expect(mutation.status).toBe(405);
    });
  });
});

describe('schema details in production', () => {
  const production = new TestApp();
  const development = new TestApp();
  beforeAll(async () => {
    await production.start({
      env: { NODE_ENV: 'production', JWT_SECRET: 'a8f3c1e97b2d4f6a0c5e8b1d3f7a9c2e' },
    });
    await development.start();
  });
  afterAll(async () => {
    await production.stop();
    await development.stop();
  });

  it('turns introspection off in production and keeps it in development', async () => {
    const query = '{ __schema { queryType { name } } }';
    const closed = await post(production.url, query);
    expect(closed.status).toBe(400);
    expect(closed.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const open = await post(development.url, query);
    expect(open.errors).toBeUndefined();
  });

  it('opens Apollo Sandbox for a browser on /graphql in development, and nothing in production', async () => {
    const open = (url: string) => fetch(url, { headers: { accept: 'text/html' } });
    const page = await open(development.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('embeddable-sandbox');
    expect(page.headers.get('content-security-policy')).toContain(
      'https://embeddable-sandbox.cdn.apollographql.com',
    );

    const none = await open(production.url);
    expect(none.status).toBeGreaterThanOrEqual(400);
    expect(none.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(none.headers.get('content-security-policy')).toBe(
      "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
    );
  });

  it('lets GRAPHQL_INTROSPECTION=on turn it back on in production', async () => {
    const opened = new TestApp();
    await opened.start({
      env: {
        NODE_ENV: 'production',
        JWT_SECRET: 'a8f3c1e97b2d4f6a0c5e8b1d3f7a9c2e',
        GRAPHQL_INTROSPECTION: 'on',
      },
    });
    try {
      expect(
        (await post(opened.url, '{ __schema { queryType { name } } }')).errors,
      ).toBeUndefined();
    } finally {
      await opened.stop();
    }
  });

  it('suggests no field names in production', async () => {
    const answer = await post(production.url, '{ moderationQueu { totalCount } }');
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.errors)).not.toMatch(/Did you mean|moderationQueue/);
    const helpful = await post(development.url, '{ moderationQueu { totalCount } }');
    expect(JSON.stringify(helpful.errors)).toMatch(/Did you mean/);
  });
});
