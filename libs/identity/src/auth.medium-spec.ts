import { TokenService } from '@app/core';
import { ModerationLogModule } from '@app/moderation';
import { MediumTest } from '@test/medium';
import { randomBytes } from 'node:crypto';
import { AuthService } from './auth.service';
import { IdentityModule } from './identity.module';
import { SessionsService } from './sessions/sessions.service';

describe('signing in on the database and Redis: sessions and the login throttle', () => {
  const medium = new MediumTest();
  let auth: AuthService;

  beforeAll(async () => {
    await medium.start([IdentityModule, ModerationLogModule]);
    auth = medium.get(AuthService);
  });
  afterAll(() => medium.stop());

  const PASSWORD = 'a long enough password';
  const registered = async () => {
    const handle = `a${randomBytes(5).toString('hex')}`;
    const email = `${handle}@example.com`;
    const { token, user } = await auth.register({ handle, email, password: PASSWORD });
    return { email, token, user };
  };

  it('opens a session on registering and on each sign-in, the email taken in any case', async () => {
    const { email, token, user } = await registered();
    const signedIn = await auth.login(
      { email: ` ${email.toUpperCase()} `, password: PASSWORD },
      '198.51.100.1',
    );
    expect(signedIn.user.id).toBe(user.id);
    const sessions = medium.get(SessionsService);
    const tokens = medium.get(TokenService);
    for (const issued of [token, signedIn.token]) {
      const subject = tokens.verify(issued);
      expect(subject && (await sessions.findViewer(subject))?.id).toBe(user.id);
    }
  });

  it('stores only an argon2id hash of the password', async () => {
    const { user } = await registered();
    const [row] = await medium.sql<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [user.id],
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('locks an email from an address after five failures, right password or not, and only that email', async () => {
    const { email } = await registered();
    const other = await registered();
    const address = '198.51.100.2';
    for (let i = 0; i < 5; i += 1) {
      await expect(auth.login({ email, password: 'wrong' }, address)).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    const locked = auth.login({ email, password: PASSWORD }, address);
    await expect(locked).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    const retryAfter = await locked.catch(
      (error: { extensions: { retryAfterSeconds: number } }) => error.extensions.retryAfterSeconds,
    );
    expect(retryAfter).toBeGreaterThan(800);
    await expect(
      auth.login({ email: other.email, password: PASSWORD }, address),
    ).resolves.toMatchObject({ token: expect.any(String) });
    // Another address is not locked out by this one.
    await expect(auth.login({ email, password: PASSWORD }, '198.51.100.3')).resolves.toMatchObject({
      token: expect.any(String),
    });
  });

  it('forgives earlier failures from an address once the member signs in', async () => {
    const { email } = await registered();
    const address = '198.51.100.4';
    for (let i = 0; i < 4; i += 1) {
      await expect(auth.login({ email, password: 'wrong' }, address)).rejects.toBeDefined();
    }
    await auth.login({ email, password: PASSWORD }, address);
    for (let i = 0; i < 4; i += 1) {
      await expect(auth.login({ email, password: 'wrong' }, address)).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
  });

  it('counts failures for unknown emails too, so probing cannot enumerate accounts', async () => {
    const input = { email: 'nobody-here@example.com', password: 'whatever-password' };
    const codes: unknown[] = [];
    for (let i = 0; i < 6; i += 1) {
      codes.push(
        await auth.login(input, '198.51.100.6').then(
          () => 'signed in',
          (error: { extensions: { code: string } }) => error.extensions.code,
        ),
      );
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes[5]).toBe('RATE_LIMITED');
  });

  it('refuses a suspended member', async () => {
    const { email, user } = await registered();
    await medium.sql(`UPDATE users SET status = 'SUSPENDED' WHERE id = $1`, [user.id]);
    await expect(auth.login({ email, password: PASSWORD }, '198.51.100.5')).rejects.toMatchObject({
      message: 'This account is suspended',
    });
  });
});
