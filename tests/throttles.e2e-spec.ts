import { GraphQLResponse, postGraphQL } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;

const login = (
  app: TestApp,
  email: string,
  password: string,
  forwardedFor?: string,
): Promise<GraphQLResponse<{ login: { token: string } }>> =>
  postGraphQL(
    app.url,
    LOGIN,
    { input: { email, password } },
    undefined,
    forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  );

const codeOf = (reply: GraphQLResponse<unknown>) => reply.errors?.[0].extensions?.code ?? 'OK';

describe('the login throttle', () => {
  const app = new TestApp();
  let victim: Member;
  let other: Member;
  beforeAll(async () => {
    await app.start();
    victim = await app.member();
    other = await app.member();
  });
  afterAll(() => app.stop());

  it('checks only five of 50 concurrent wrong passwords; the rest are refused unchecked', async () => {
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => login(app, other.email, 'wrong-password-guess')),
    );
    const codes = replies.map(codeOf);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(45);
    const limited = replies.find((reply) => codeOf(reply) === 'RATE_LIMITED');
    expect(limited?.status).toBe(429);
  });

  it('answers RATE_LIMITED with HTTP 429 and Retry-After', async () => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: LOGIN,
        variables: { input: { email: other.email, password: other.password } },
      }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  it('ignores X-Forwarded-For when no proxy is configured', async () => {
    const email = `nobody-${Date.now()}@example.com`;
    const codes = [];
    for (let i = 0; i < 7; i++)
      codes.push(codeOf(await login(app, email, 'wrong-password', `203.0.113.${i}`)));
    expect(codes.slice(5)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it("one attacker's failures do not lock another member out", async () => {
    const trusting = new TestApp();
    await trusting.start({ env: { TRUST_PROXY: 'loopback' } });
    try {
      const member = await trusting.member();
      for (let i = 0; i < 6; i++)
        await login(trusting, member.email, 'attacker-guess', '198.51.100.7');
      expect(codeOf(await login(trusting, member.email, 'attacker-guess', '198.51.100.7'))).toBe(
        'RATE_LIMITED',
      );
      expect(codeOf(await login(trusting, member.email, member.password, '192.0.2.50'))).toBe('OK');
    } finally {
      await trusting.stop();
    }
  });

  it('believes X-Forwarded-For from a configured proxy', async () => {
    const trusting = new TestApp();
    await trusting.start({
      env: { TRUST_PROXY: 'loopback', RATE_LIMIT: 'on', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3' },
    });
    try {
      const ask = (address: string) =>
        fetch(trusting.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
          body: JSON.stringify({ query: '{ boards { id } }' }),
        }).then((response) => response.status);
      const first = [];
      for (let i = 0; i < 4; i++) first.push(await ask('198.51.100.1'));
      expect(first).toEqual([200, 200, 200, 429]);
      expect(await ask('198.51.100.2')).toBe(200);
    } finally {
      await trusting.stop();
    }
  });

  it('lets the victim in with the right password', async () => {
    expect(codeOf(await login(app, victim.email, victim.password))).toBe('OK');
  });
});
