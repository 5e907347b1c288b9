import { ModerationLogModule } from '@app/moderation';
import { MediumTest } from '@test/medium';
import { randomUUID } from 'node:crypto';
import { IdentityModule } from '../identity.module';
import { PasswordHasher } from '../password-hasher';
import { SessionsService } from '../sessions/sessions.service';
import { PasswordResetIssuer } from './password-reset-issuer';
import { PasswordResetService } from './password-reset.service';
import { PasswordResetsRepository } from './password-resets.repository';

describe('password resets on the database: asking, issuing, using once', () => {
  const medium = new MediumTest();
  let service: PasswordResetService;
  let issuer: PasswordResetIssuer;
  let repository: PasswordResetsRepository;
  let nextEvent = 1;

  beforeAll(async () => {
    await medium.start([IdentityModule, ModerationLogModule]);
    service = medium.get(PasswordResetService);
    issuer = medium.get(PasswordResetIssuer);
    repository = medium.get(PasswordResetsRepository);
  });
  afterAll(() => medium.stop());

  const emailOf = async (userId: string) =>
    (await medium.sql<{ email: string }>('SELECT email FROM users WHERE id = $1', [userId]))[0]
      .email;
  const issue = async (userId: string) => {
    const reset = await issuer.issue(String(nextEvent++), userId);
    if (!reset) throw new Error('a reset should have been issued');
    return reset;
  };

  it('records one event for a member who may sign in, none for an unknown or suspended email', async () => {
    const member = await medium.member();
    const suspended = await medium.member();
    await medium.sql(`UPDATE users SET status = 'SUSPENDED' WHERE id = $1`, [suspended]);
    await service.request(` ${(await emailOf(member)).toUpperCase()} `, '203.0.113.1');
    await service.request(await emailOf(suspended), '203.0.113.1');
    await service.request('nobody@example.com', '203.0.113.1');
    const events = await medium.sql<{ type: string; payload: unknown }>(
      `SELECT type, payload FROM outbox WHERE type = 'password_reset.requested'`,
    );
    expect(events).toEqual([{ type: 'password_reset.requested', payload: { userId: member } }]);
  });

  it('counts requests per email and address in Redis, known email or not', async () => {
    const address = '203.0.113.2';
    for (let i = 0; i < 3; i += 1) await service.request('limit@example.com', address);
    await expect(service.request('LIMIT@example.com', address)).rejects.toMatchObject({
      extensions: { code: 'RATE_LIMITED' },
    });
  });

  it('issues a token per event, replacing it on a retry until the email is sent', async () => {
    const member = await medium.member();
    const eventId = String(nextEvent++);
    const first = await issuer.issue(eventId, member);
    const retried = await issuer.issue(eventId, member);
    expect(retried?.resetId).toBe(first?.resetId);
    expect(retried?.token).not.toBe(first?.token);
    expect(retried).toMatchObject({ email: await emailOf(member) });
    if (!retried) throw new Error('issued');
    await issuer.markEmailed(retried.resetId);
    expect(await issuer.issue(eventId, member)).toBeNull();

    const suspended = await medium.member();
    await medium.sql(`UPDATE users SET status = 'SUSPENDED' WHERE id = $1`, [suspended]);
    expect(await issuer.issue(String(nextEvent++), suspended)).toBeNull();
    expect(await issuer.issue(String(nextEvent++), randomUUID())).toBeNull();
  });

  it('uses a token once under two parallel resets: one signs in, the other is refused', async () => {
    const member = await medium.member();
    const before = await medium.get(SessionsService).start(member);
    const { token } = await issue(member);
    const results = await Promise.allSettled([
      service.reset({ token, password: 'first new password' }),
      service.reset({ token, password: 'second new password' }),
    ]);
    const signedIn = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter((result) => result.status === 'rejected');
    expect(signedIn).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      reason: { extensions: { code: 'BAD_USER_INPUT', field: 'token' } },
    });

    // The winner's password is the one stored, and only its new session is open.
    const winner = signedIn[0].status === 'fulfilled' ? signedIn[0].value : null;
    expect(winner?.user.id).toBe(member);
    const [{ password_hash }] = await medium.sql<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [member],
    );
    const hasher = medium.get(PasswordHasher);
    const matches = await Promise.all([
      hasher.verify(password_hash, 'first new password'),
      hasher.verify(password_hash, 'second new password'),
    ]);
    expect(matches.filter(Boolean)).toHaveLength(1);
    const open = await medium.sql<{ id: string }>(
      'SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL',
      [member],
    );
    expect(open).toHaveLength(1);
    expect(open[0].id).not.toBe(before.sessionId);
  });

  it('voids the member’s other open resets when one is used', async () => {
    const member = await medium.member();
    const used = await issue(member);
    const other = await issue(member);
    await service.reset({ token: used.token, password: 'a fresh password' });
    await expect(
      service.reset({ token: other.token, password: 'yet another' }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'token' } });
  });

  it('refuses an expired token and forgets resets a day past their expiry', async () => {
    const member = await medium.member();
    const expired = await issue(member);
    await medium.sql(
      `UPDATE password_resets SET expires_at = now() - interval '2 days' WHERE id = $1`,
      [expired.resetId],
    );
    await expect(
      service.reset({ token: expired.token, password: 'too late' }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const fresh = await issue(member);
    expect(await repository.purgeExpired()).toBeGreaterThanOrEqual(1);
    const left = await medium.sql<{ id: string }>(
      'SELECT id FROM password_resets WHERE user_id = $1',
      [member],
    );
    expect(left).toEqual([{ id: fresh.resetId }]);
  });
});
