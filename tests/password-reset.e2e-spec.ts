import { Client, createClient } from 'graphql-ws';
import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import { fromGlobalId } from '@app/core';
import { errorCode, GraphQLResponse, ok, postGraphQL } from './support/graphql-client';
import { channelHasListener, LiveSubscription } from './support/live-client';
import { Mailbox, ReceivedMail } from './support/mailbox';
import { eventually, Member, TestApp } from './support/test-app';

const PUBLIC_URL = 'https://community.example';
const REQUEST = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($token: String!, $password: String!) {
  resetPassword(token: $token, password: $password) { token user { handle } }
}`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const VIEWER = `query { viewer { handle } }`;
const NEW_PASSWORD = 'a-brand-new-password';
const LINK = /https:\/\/community\.example\/reset-password\?token=([A-Za-z0-9_-]{43})\s/;

interface ResetPayload {
  resetPassword: { token: string; user: { handle: string } };
}

/** A mail as written: quoted-printable soft line breaks joined and its escapes decoded. */
function bodyOf(mail: ReceivedMail): string {
  if (!/^Content-Transfer-Encoding: quoted-printable/im.test(mail.raw)) return mail.raw;
  return mail.raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe('password reset by email', () => {
  const mailbox = new Mailbox();
  const app = new TestApp();
  const clients: Client[] = [];

  const request = (email: string, forwardedFor?: string): Promise<GraphQLResponse<unknown>> =>
    postGraphQL(
      app.url,
      REQUEST,
      { email },
      undefined,
      forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    );
  const reset = (token: string, password = NEW_PASSWORD) =>
    app.gql<ResetPayload>(RESET, { token, password });
  const login = (member: Member, password: string) =>
    app.gql<{ login: { token: string } }>(LOGIN, { input: { email: member.email, password } });
  const userId = (member: Member) => fromGlobalId(member.id, 'User', 'id');

  /** Waits until every event is handled (and its email sent or dropped). */
  const settle = async (): Promise<void> => {
    await eventually(
      () =>
        app.sql<{ pending: number }>(
          `SELECT count(*)::int AS pending FROM outbox WHERE dispatched_at IS NULL`,
        ),
      ([row]) => row.pending === 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
  };

  /** Asks for a reset for `member` and returns the token of the link that arrives. */
  const emailedToken = async (member: Member): Promise<string> => {
    const before = mailbox.to(member.email).length;
    expect(ok(await request(member.email))).toEqual({ requestPasswordReset: true });
    const mails = await eventually(
      async () => mailbox.to(member.email),
      (received) => received.length > before,
    );
    const match = LINK.exec(bodyOf(mails[mails.length - 1]));
    if (!match) throw new Error(`no reset link in ${mails[mails.length - 1].raw}`);
    return match[1];
  };

  beforeAll(async () => {
    const smtpUrl = await mailbox.start();
    await app.start({
      worker: true,
      env: {
        SMTP_URL: smtpUrl,
        MAIL_FROM: 'Community <community@example.com>',
        PUBLIC_URL,
        TRUST_PROXY: 'loopback',
      },
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await app.stop();
    await mailbox.stop();
  });

  it('emails a known member one link to the reset page, and an unknown email nothing, with the same answer', async () => {
    const member = await app.member();
    const unknown = `nobody-${Date.now()}@example.com`;

    const timed = async (email: string) => {
      const started = performance.now();
      const answer = await request(email);
      return { answer, ms: performance.now() - started };
    };
    const known = await timed(member.email.toUpperCase());
    const stranger = await timed(unknown);
    expect(known.answer.data).toEqual({ requestPasswordReset: true });
    expect(stranger.answer).toEqual(known.answer);
    // Both wait for the same floor, so the time taken does not tell an account exists.
    expect(known.ms).toBeGreaterThanOrEqual(240);
    expect(stranger.ms).toBeGreaterThanOrEqual(240);
    expect(Math.abs(known.ms - stranger.ms)).toBeLessThan(150);

    const [mail] = await eventually(
      async () => mailbox.to(member.email),
      (mails) => mails.length === 1,
    );
    await settle();
    expect(mailbox.to(member.email)).toHaveLength(1);
    expect(mailbox.to(unknown)).toHaveLength(0);
    expect(mail.subject).toBe('Reset your community password');
    const body = bodyOf(mail);
    expect(body).toContain(`Hello @${member.handle},`);
    const token = LINK.exec(body)?.[1];
    expect(token).toBeDefined();

    // Only the token's SHA-256 is stored, and the event that asked for the email holds none.
    const [row] = await app.sql<{ token_hash: Buffer; ttl_ok: boolean; emailed: boolean }>(
      `SELECT token_hash,
              expires_at BETWEEN now() + interval '59 minutes' AND now() + interval '1 hour' AS ttl_ok,
              emailed_at IS NOT NULL AS emailed
         FROM password_resets WHERE user_id = $1`,
      [userId(member)],
    );
    expect(row.token_hash).toEqual(
      createHash('sha256')
        .update(token as string)
        .digest(),
    );
    expect(row).toMatchObject({ ttl_ok: true, emailed: true });
    const [{ holding }] = await app.sql<{ holding: number }>(
      `SELECT count(*)::int AS holding FROM outbox WHERE payload::text LIKE '%' || $1 || '%'`,
      [token],
    );
    expect(holding).toBe(0);
  });

  it('retries a reset email the mail server refused, and the link that arrives works', async () => {
    const member = await app.member();
    mailbox.refuse(1);
    const refusalsBefore = mailbox.refusals;
    const token = await emailedToken(member);
    expect(mailbox.refusals).toBe(refusalsBefore + 1);
    await settle();
    expect(mailbox.to(member.email)).toHaveLength(1);
    // The retry replaced the token of the same reset: one row, and its hash is the mailed token's.
    const rows = await app.sql<{ token_hash: Buffer }>(
      'SELECT token_hash FROM password_resets WHERE user_id = $1',
      [userId(member)],
    );
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest() }]);
    expect(ok(await reset(token)).resetPassword.user.handle).toBe(member.handle);
  });

  it('sets the new password with the link once, ends every session and signs in with a new one', async () => {
    const member = await app.member();
    const otherSession = ok(await login(member, member.password)).login.token;
    const token = await emailedToken(member);

    const { resetPassword } = ok(await reset(token));
    expect(resetPassword.user.handle).toBe(member.handle);
    expect(ok(await app.gql(VIEWER, {}, resetPassword.token))).toEqual({
      viewer: { handle: member.handle },
    });
    for (const old of [member.token, otherSession]) {
      expect(errorCode(await app.gql(VIEWER, {}, old))).toBe('UNAUTHENTICATED');
    }
    expect(errorCode(await login(member, member.password))).toBe('UNAUTHENTICATED');
    expect(ok(await login(member, NEW_PASSWORD)).login.token).toEqual(expect.any(String));

    const again = await reset(token, 'yet-another-password');
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0].extensions?.field).toBe('token');
    expect(again.errors?.[0].message).toBe(
      'token: is unknown, expired or already used; ask for a new password reset link',
    );
    expect(ok(await login(member, NEW_PASSWORD))).toBeTruthy();
  });

  it('voids the other open links of the member once one is used', async () => {
    const member = await app.member();
    const first = await emailedToken(member);
    const second = await emailedToken(member);
    expect(first).not.toBe(second);
    ok(await reset(second));
    expect(errorCode(await reset(first, 'not-this-one-either'))).toBe('BAD_USER_INPUT');
    expect(ok(await login(member, NEW_PASSWORD))).toBeTruthy();
  });

  it('refuses an expired link with BAD_USER_INPUT and leaves the password as it was', async () => {
    const member = await app.member();
    const token = await emailedToken(member);
    await app.sql(
      `UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [userId(member)],
    );
    const expired = await reset(token);
    expect(errorCode(expired)).toBe('BAD_USER_INPUT');
    expect(expired.errors?.[0].extensions?.field).toBe('token');
    expect(ok(await login(member, member.password))).toBeTruthy();
    expect(ok(await app.gql(VIEWER, {}, member.token))).toEqual({
      viewer: { handle: member.handle },
    });
  });

  it('lets exactly one of ten concurrent resets with the same link succeed', async () => {
    const member = await app.member();
    const token = await emailedToken(member);
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) => reset(token, `concurrent-password-${i}`)),
    );
    const won = replies.filter((reply) => !reply.errors);
    expect(won).toHaveLength(1);
    expect(replies.filter((reply) => reply.errors).map(errorCode)).toEqual(
      Array(9).fill('BAD_USER_INPUT'),
    );
    const winner = replies.indexOf(won[0]);
    expect(ok(await login(member, `concurrent-password-${winner}`))).toBeTruthy();
    const [{ open }] = await app.sql<{ open: number }>(
      'SELECT count(*)::int AS open FROM sessions WHERE user_id = $1 AND revoked_at IS NULL',
      [userId(member)],
    );
    // The reset's own session and the login just now.
    expect(open).toBe(2);
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and a short password keeps the link', async () => {
    const member = await app.member();
    const token = await emailedToken(member);
    const cases: Array<[string, string, string]> = [
      [token, 'short', 'password'],
      [token, 'p'.repeat(257), 'password'],
      [token, 'x'.repeat(100_000), 'password'],
      ['', NEW_PASSWORD, 'token'],
      ['t'.repeat(100_000), NEW_PASSWORD, 'token'],
      ['A'.repeat(43), NEW_PASSWORD, 'token'],
      ["' OR '1'='1", NEW_PASSWORD, 'token'],
      [`${token}=`, NEW_PASSWORD, 'token'],
    ];
    for (const [badToken, password, field] of cases) {
      const reply = await reset(badToken, password);
      expect(reply.status).toBeLessThan(500);
      expect(errorCode(reply)).toBe('BAD_USER_INPUT');
      expect(reply.errors?.[0].extensions?.field).toBe(field);
    }
    for (const email of ['', 'not-an-email', `${'a'.repeat(250)}@example.com`]) {
      const reply = await request(email, '192.0.2.10');
      expect(errorCode(reply)).toBe('BAD_USER_INPUT');
      expect(reply.errors?.[0].extensions?.field).toBe('email');
    }
    // None of that used the link.
    expect(ok(await reset(token)).resetPassword.user.handle).toBe(member.handle);
  });

  it('limits requests per email and per address alike for known and unknown emails', async () => {
    const member = await app.member();
    const unknown = `ghost-${Date.now()}@example.com`;
    for (const email of [member.email, unknown]) {
      const codes = [];
      for (let i = 0; i < 4; i++) {
        const reply = await request(email, '198.51.100.20');
        codes.push(reply.errors?.[0].extensions?.code ?? 'OK');
      }
      expect(codes).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
    }
    // Another address may still ask for the same email.
    expect(ok(await request(member.email, '198.51.100.21'))).toEqual({
      requestPasswordReset: true,
    });
    const codes = [];
    for (let i = 0; i < 31; i++) {
      const reply = await request(`someone-${i}-${Date.now()}@example.com`, '198.51.100.30');
      codes.push(reply.errors?.[0].extensions?.code ?? 'OK');
    }
    expect(codes.slice(0, 30)).toEqual(Array(30).fill('OK'));
    expect(codes[30]).toBe('RATE_LIMITED');
  });

  it('weighs reset requests and resets like sign-ins: four in one operation are refused unrun', async () => {
    const member = await app.member();
    const aliased = (field: string) =>
      `mutation { ${[1, 2, 3, 4].map((i) => `a${i}: ${field}`).join(' ')} }`;
    for (const query of [
      aliased(`requestPasswordReset(email: "${member.email}")`),
      aliased(`resetPassword(token: "${'A'.repeat(43)}", password: "${NEW_PASSWORD}") { token }`),
    ]) {
      const reply = await app.gql(query);
      expect(errorCode(reply)).toBe('QUERY_TOO_COMPLEX');
      expect(reply.status).toBe(400);
    }
    await settle();
    expect(mailbox.to(member.email)).toHaveLength(0);
  });

  it('sends nothing to a suspended member', async () => {
    const moderator = await app.member('MODERATOR');
    const member = await app.member();
    ok(
      await app.gql(
        `mutation($input: SanctionInput!) { sanctionUser(input: $input) { status } }`,
        { input: { userId: member.id, status: 'SUSPENDED', reason: 'Spam' } },
        moderator.token,
      ),
    );
    expect(ok(await request(member.email, '203.0.113.5'))).toEqual({ requestPasswordReset: true });
    await settle();
    expect(mailbox.to(member.email)).toHaveLength(0);
  });

  it('closes the live connections of the ended sessions, not those of the new one', async () => {
    const member = await app.member();
    const token = await emailedToken(member);
    const closesOf = (sessionToken: string): number[] => {
      const closes: number[] = [];
      const client = createClient({
        url: app.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${sessionToken}` },
        retryAttempts: 0,
        on: { closed: (event) => closes.push((event as { code: number }).code) },
      });
      clients.push(client);
      new LiveSubscription(client, `subscription { notificationAdded { kind } }`, {});
      return closes;
    };
    const old = closesOf(member.token);
    await channelHasListener(`${app.name}:notification-added:${userId(member)}`);

    await channelHasListener(`${app.name}:session-revocations`);
    const { resetPassword } = ok(await reset(token));
    const fresh = closesOf(resetPassword.token);
    await eventually(
      async () => old,
      (closes) => closes.length > 0,
    );
    expect(old).toEqual([4401]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fresh).toEqual([]);
  });
});
