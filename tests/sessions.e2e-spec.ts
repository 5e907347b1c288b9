import { Client, createClient } from 'graphql-ws';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import WebSocket from 'ws';
import { fromGlobalId } from '@app/core';
import { IdentityMaintenanceProcessor } from '@app/identity';
import { errorCode, ok } from './support/graphql-client';
import { channelHasListener, LiveSubscription } from './support/live-client';
import { eventually, Member, TestApp } from './support/test-app';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const SIGN_OUT = `mutation { signOut }`;
const VIEWER = `query { viewer { handle } }`;
const NOTIFICATION_ADDED = `subscription { notificationAdded { kind } }`;
const EXPORT_IDEAS = `mutation { exportIdeas(filter: null) { id } }`;
const EXPORT_JOB = `query($id: ID!) { exportJob(id: $id) { status } }`;

interface NotificationAdded {
  notificationAdded: { kind: string };
}

describe('sessions and signOut', () => {
  const app = new TestApp();
  const clients: Client[] = [];

  /** A graphql-ws client signed in with `token`, recording the close codes of its socket. */
  const connect = (token: string): { client: Client; closes: number[] } => {
    const closes: number[] = [];
    const client = createClient({
      url: app.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      on: { closed: (event) => closes.push((event as { code: number }).code) },
    });
    clients.push(client);
    return { client, closes };
  };

  /** Signs a member in once more: a second session beside the one register opened. */
  const signIn = async (member: Member): Promise<string> =>
    ok(
      await app.gql<{ login: { token: string } }>(LOGIN, {
        input: { email: member.email, password: member.password },
      }),
    ).login.token;

  const download = (exportId: string, token: string) =>
    fetch(`${app.url.replace(/\/graphql$/, '')}/exports/${exportId}.csv`, {
      headers: { authorization: `Bearer ${token}` },
    });

  const notificationChannel = (member: Member): string =>
    `${app.name}:notification-added:${fromGlobalId(member.id, 'User', 'id')}`;

  beforeAll(() => app.start({ worker: true }));
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await app.stop();
  });

  it('keeps one row per sign-in, named by the token, open until the token expires', async () => {
    const member = await app.member();
    await signIn(member);
    const rows = await app.sql<{ open: boolean; ttl_ok: boolean }>(
      `SELECT revoked_at IS NULL AS open,
              expires_at BETWEEN now() + interval '6 days 23 hours' AND now() + interval '7 days 1 minute' AS ttl_ok
         FROM sessions WHERE user_id = $1`,
      [fromGlobalId(member.id, 'User', 'id')],
    );
    expect(rows).toEqual([
      { open: true, ttl_ok: true },
      { open: true, ttl_ok: true },
    ]);
    const [, payload] = member.token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { jti?: string };
    const [{ count }] = await app.sql<{ count: number }>(
      'SELECT count(*)::int AS count FROM sessions WHERE id = $1',
      [claims.jti],
    );
    expect(count).toBe(1);
  });

  it("ends only the session of its token: the member's other sign-in still works", async () => {
    const member = await app.member();
    const other = await signIn(member);
    expect(ok(await app.gql(SIGN_OUT, {}, member.token))).toEqual({ signOut: true });

    const refused = await app.gql(VIEWER, {}, member.token);
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    expect(refused.status).toBe(200);
    expect(ok(await app.gql(VIEWER, {}, other))).toEqual({ viewer: { handle: member.handle } });
    // Even a public query is refused with the ended token, so a client knows it is signed out.
    expect(errorCode(await app.gql(`query { boards { id } }`, {}, member.token))).toBe(
      'UNAUTHENTICATED',
    );
    expect(errorCode(await app.gql(SIGN_OUT, {}, member.token))).toBe('UNAUTHENTICATED');
  });

  it('refuses the ended token on a new graphql-ws connection', async () => {
    const member = await app.member();
    const other = await signIn(member);
    ok(await app.gql(SIGN_OUT, {}, member.token));

    const ended = connect(member.token);
    const refused = new LiveSubscription<NotificationAdded>(ended.client, NOTIFICATION_ADDED, {});
    const [result] = await refused.received(1);
    expect(result.data ?? null).toBeNull();
    // The operation is refused by the session's row. The notice that closes the session's
    // sockets travels separately and may reach this socket first: then it closes as ended.
    if (result.errors?.[0].extensions?.code !== 'UNAUTHENTICATED') {
      await eventually(
        async () => ended.closes,
        (closes) => closes.length > 0,
      );
      expect(ended.closes).toEqual([4401]);
    }

    const accepted = new LiveSubscription<NotificationAdded>(
      connect(other).client,
      NOTIFICATION_ADDED,
      {},
    );
    await channelHasListener(notificationChannel(member));
    expect(accepted.results).toEqual([]);
    accepted.close();
  });

  it('closes the live connections of the ended session at once, and no others', async () => {
    const member = await app.member();
    const otherToken = await signIn(member);
    const bystander = await app.member();
    const mine = connect(member.token);
    const other = connect(otherToken);
    const theirs = connect(bystander.token);
    for (const [{ client }, who] of [
      [mine, member],
      [other, member],
      [theirs, bystander],
    ] as const) {
      new LiveSubscription<NotificationAdded>(client, NOTIFICATION_ADDED, {});
      await channelHasListener(notificationChannel(who));
    }

    // The API follows revocations from its start, without waiting for Redis; here it must be.
    await channelHasListener(`${app.name}:session-revocations`);
    ok(await app.gql(SIGN_OUT, {}, member.token));
    await eventually(
      async () => mine.closes,
      (closes) => closes.length > 0,
    );
    expect(mine.closes).toEqual([4401]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(other.closes).toEqual([]);
    expect(theirs.closes).toEqual([]);
  });

  it('refuses the ended token on the export download, which the open session still gets', async () => {
    const pm = await app.member('PRODUCT_MANAGER');
    const other = await signIn(pm);
    const { exportIdeas } = ok(
      await app.gql<{ exportIdeas: { id: string } }>(EXPORT_IDEAS, {}, pm.token),
    );
    await eventually(
      async () =>
        ok(
          await app.gql<{ exportJob: { status: string } }>(
            EXPORT_JOB,
            { id: exportIdeas.id },
            pm.token,
          ),
        ).exportJob.status,
      (status) => status === 'DONE',
    );
    expect((await download(exportIdeas.id, pm.token)).status).toBe(200);

    ok(await app.gql(SIGN_OUT, {}, pm.token));
    expect((await download(exportIdeas.id, pm.token)).status).toBe(401);
    expect((await download(exportIdeas.id, other)).status).toBe(200);
  });

  it('refuses signOut without a token, and lets a silenced member sign out', async () => {
    expect(errorCode(await app.gql(SIGN_OUT))).toBe('UNAUTHENTICATED');

    const moderator = await app.member('MODERATOR');
    const silenced = await app.member();
    ok(
      await app.gql(
        `mutation($input: SanctionInput!) { sanctionUser(input: $input) { status } }`,
        { input: { userId: silenced.id, status: 'SILENCED', reason: 'Cooling off' } },
        moderator.token,
      ),
    );
    expect(ok(await app.gql(SIGN_OUT, {}, silenced.token))).toEqual({ signOut: true });
    expect(errorCode(await app.gql(VIEWER, {}, silenced.token))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token whose session expired or is gone, as it refuses a forged one', async () => {
    const expired = await app.member();
    const gone = await app.member();
    const userId = (member: Member) => fromGlobalId(member.id, 'User', 'id');
    await app.sql(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [userId(expired)],
    );
    await app.sql(`DELETE FROM sessions WHERE user_id = $1`, [userId(gone)]);
    for (const member of [expired, gone]) {
      const refused = await app.gql(VIEWER, {}, member.token);
      expect(errorCode(refused)).toBe('UNAUTHENTICATED');
      expect(refused.errors?.[0].message).toBe('Your session is not valid; please sign in again');
    }
  });

  it("refuses one member's session paired with another member's id", async () => {
    const victim = await app.member();
    const attacker = await app.member();
    const [{ id: victimSession }] = await app.sql<{ id: string }>(
      'SELECT id FROM sessions WHERE user_id = $1',
      [fromGlobalId(victim.id, 'User', 'id')],
    );
    // A session counts only for the member it was opened for.
    await app.sql('UPDATE sessions SET user_id = $2 WHERE id = $1', [
      victimSession,
      fromGlobalId(attacker.id, 'User', 'id'),
    ]);
    expect(errorCode(await app.gql(VIEWER, {}, victim.token))).toBe('UNAUTHENTICATED');
  });

  it('forgets expired sessions and resets a day past their expiry in the worker upkeep', async () => {
    const member = await app.member();
    const id = fromGlobalId(member.id, 'User', 'id');
    await app.sql(
      `INSERT INTO sessions (id, user_id, expires_at)
       VALUES (gen_random_uuid(), $1, now() - interval '1 minute')`,
      [id],
    );
    await app.sql(
      `INSERT INTO password_resets (id, user_id, event_id, token_hash, expires_at)
       VALUES (gen_random_uuid(), $1, -1, sha256('old'), now() - interval '25 hours'),
              (gen_random_uuid(), $1, -2, sha256('recent'), now() - interval '23 hours')`,
      [id],
    );
    if (!app.worker) throw new Error('the worker is not running');
    await app.worker.get(IdentityMaintenanceProcessor).process();
    const sessions = await app.sql<{ open: boolean }>(
      'SELECT expires_at > now() AS open FROM sessions WHERE user_id = $1',
      [id],
    );
    expect(sessions).toEqual([{ open: true }]);
    const resets = await app.sql<{ event_id: string }>(
      'SELECT event_id FROM password_resets WHERE user_id = $1',
      [id],
    );
    expect(resets).toEqual([{ event_id: '-2' }]);
    expect(ok(await app.gql(VIEWER, {}, member.token))).toEqual({
      viewer: { handle: member.handle },
    });
  });
});

describe('the cost of sessions', () => {
  // No worker here: its polling would add queries of its own to the count.
  const app = new TestApp();
  beforeAll(() => app.start());
  afterAll(() => app.stop());

  it('finds the viewer and checks the session with one query per request', async () => {
    const member = await app.member();
    const count = async (token?: string): Promise<number> => {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        ok(await app.gql(`query { boards { id } }`, {}, token));
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const anonymous = await count();
    expect(await count(member.token)).toBe(anonymous + 1);
  });
});
