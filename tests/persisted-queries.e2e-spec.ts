import { createHash } from 'node:crypto';
import { Member, TestApp } from './support/test-app';

const QUERY = 'query Boards { boards { id name } }';
const HASH = createHash('sha256').update(QUERY).digest('hex');

interface Sent {
  status: number;
  cacheControl: string | null;
  body: {
    data?: { boards: Array<{ name: string }> } | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
}

describe('automatic persisted queries', () => {
  const app = new TestApp();
  let admin: Member;

  beforeAll(async () => {
    await app.start();
    admin = await app.member('ADMIN');
    await app.board(admin);
  });
  afterAll(() => app.stop());

  async function send(payload: object): Promise<Sent> {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    return {
      status: response.status,
      cacheControl: response.headers.get('cache-control'),
      body: (await response.json()) as Sent['body'],
    };
  }

  const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

  it('asks for the query behind a hash it has not seen, then serves the hash alone', async () => {
    const unknown = await send({ extensions: persisted(HASH) });
    expect(unknown.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await send({ query: QUERY, extensions: persisted(HASH) });
    expect(registered.body.errors).toBeUndefined();
    expect(registered.body.data?.boards.length).toBeGreaterThan(0);

    const byHash = await send({ extensions: persisted(HASH) });
    expect(byHash.status).toBe(200);
    expect(byHash.body).toEqual(registered.body);
  });

  it('refuses a query whose hash is not its own', async () => {
    const forged = await send({
      query: '{ boards { id } }',
      extensions: persisted(HASH),
    });
    expect(forged.status).toBe(400);
    expect(forged.body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    expect(forged.body.errors?.[0].message).toMatch(/sha does not match/);
  });

  it('still serves clients that send the whole query, uncacheable by any proxy', async () => {
    const whole = await send({ query: QUERY });
    expect(whole.body.errors).toBeUndefined();
    expect(whole.body.data?.boards.length).toBeGreaterThan(0);
    expect(whole.cacheControl).toBe('no-store');
  });
});
