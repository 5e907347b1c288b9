import { grantRole } from '../apps/cli/src/grant-role';
import { errorCode, ok } from './support/graphql-client';
import { TestApp } from './support/test-app';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token user { handle } } }`;

describe('identity', () => {
  const app = new TestApp();
  beforeAll(() => app.start());
  afterAll(() => app.stop());

  it('signs in with the email in any case, and the token identifies the viewer', async () => {
    const member = await app.member();
    const login = ok(
      await app.gql<{ login: { token: string } }>(LOGIN, {
        input: { email: member.email.toUpperCase(), password: member.password },
      }),
    );
    const viewer = ok(
      await app.gql<{ viewer: { handle: string; rank: string } }>(
        '{ viewer { handle rank } }',
        {},
        login.login.token,
      ),
    );
    expect(viewer.viewer).toEqual({ handle: member.handle, rank: 'New Member' });
  });

  it('finds a member by handle ignoring case, and reads anonymous viewer as null', async () => {
    const member = await app.member('MEMBER', 'MixedCase_Handle');
    const found = ok(
      await app.gql<{ user: { handle: string } | null }>(
        'query($h: String!) { user(handle: $h) { handle } }',
        { h: 'mixedcase_handle' },
      ),
    );
    expect(found.user).toEqual({ handle: member.handle });
    expect(ok(await app.gql('{ viewer { id } }'))).toEqual({ viewer: null });
  });

  it('locks an email after five failed logins, even for the right password, and only that email', async () => {
    const member = await app.member();
    const other = await app.member();
    for (let i = 0; i < 5; i++) {
      const attempt = await app.gql(LOGIN, {
        input: { email: member.email, password: 'wrong-password-123' },
      });
      expect(errorCode(attempt)).toBe('UNAUTHENTICATED');
    }
    const locked = await app.gql(LOGIN, {
      input: { email: member.email, password: member.password },
    });
    expect(errorCode(locked)).toBe('RATE_LIMITED');
    expect(locked.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(800);
    ok(await app.gql(LOGIN, { input: { email: other.email, password: other.password } }));
  });

  it('lets the CLI grant a role to a registered email, and refuses unknown emails and roles', async () => {
    const member = await app.member();
    await expect(grantRole(app.databaseUrl, member.email, 'MODERATOR')).resolves.toBe(
      member.handle,
    );
    const viewer = ok(
      await app.gql<{ viewer: { role: string } }>('{ viewer { role } }', {}, member.token),
    );
    expect(viewer.viewer.role).toBe('MODERATOR');
    await expect(grantRole(app.databaseUrl, 'ghost@example.com', 'ADMIN')).rejects.toThrow(
      /no registered member/,
    );
    await expect(grantRole(app.databaseUrl, member.email, 'EMPEROR')).rejects.toThrow(
      /ROLE must be one of/,
    );
  });

  it('lets an admin change a role, and records it on the member', async () => {
    const admin = await app.member('ADMIN');
    const member = await app.member();
    const changed = ok(
      await app.gql<{ setUserRole: { role: string } }>(
        'mutation($id: ID!) { setUserRole(userId: $id, role: AGENT) { role } }',
        { id: member.id },
        admin.token,
      ),
    );
    expect(changed.setUserRole.role).toBe('AGENT');
  });
});
