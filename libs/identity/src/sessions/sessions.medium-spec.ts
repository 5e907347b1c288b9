import { AccountStatus, Role, SessionRevocations, TokenService, Transactions } from '@app/core';
import { ModerationLogModule } from '@app/moderation';
import { MediumTest } from '@test/medium';
import { randomUUID } from 'node:crypto';
import { IdentityModule } from '../identity.module';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

describe('sessions on the database: opening, the viewer behind a token, ending', () => {
  const medium = new MediumTest();
  let sessions: SessionsService;
  let repository: SessionsRepository;
  let announced: jest.SpyInstance;

  beforeAll(async () => {
    await medium.start([IdentityModule, ModerationLogModule]);
    sessions = medium.get(SessionsService);
    repository = medium.get(SessionsRepository);
    announced = jest.spyOn(medium.get(SessionRevocations), 'announce');
  });
  afterEach(() => announced.mockClear());
  afterAll(() => medium.stop());

  const open = async (userId: string) => {
    const opened = await sessions.start(userId);
    const subject = medium.get(TokenService).verify(opened.token);
    expect(subject).toEqual({ userId, sessionId: opened.sessionId });
    return opened;
  };

  it('opens a session as long as the token, and finds its member with the status in force', async () => {
    const member = await medium.member(Role.AGENT);
    const { sessionId } = await open(member);
    const [row] = await medium.sql<{ seconds: number }>(
      `SELECT extract(epoch FROM expires_at - created_at)::int AS seconds FROM sessions WHERE id = $1`,
      [sessionId],
    );
    expect(row.seconds).toBeGreaterThan(0);
    expect(await sessions.findViewer({ userId: member, sessionId })).toMatchObject({
      id: member,
      role: Role.AGENT,
      status: AccountStatus.ACTIVE,
      sessionId,
    });

    // A silence whose end has passed no longer applies.
    await medium.sql(
      `UPDATE users SET status = 'SILENCED', status_until = now() - interval '1 minute' WHERE id = $1`,
      [member],
    );
    expect((await sessions.findViewer({ userId: member, sessionId }))?.status).toBe(
      AccountStatus.ACTIVE,
    );
  });

  it('names nobody for a session of someone else, an unknown one or an expired one', async () => {
    const member = await medium.member();
    const other = await medium.member();
    const { sessionId } = await open(member);
    expect(await sessions.findViewer({ userId: other, sessionId })).toBeNull();
    expect(await sessions.findViewer({ userId: member, sessionId: randomUUID() })).toBeNull();
    await medium.sql(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      sessionId,
    ]);
    expect(await sessions.findViewer({ userId: member, sessionId })).toBeNull();
  });

  it('ends the viewer’s own session once, announcing it once, and leaves the others open', async () => {
    const member = await medium.member();
    const first = await open(member);
    const second = await open(member);
    const viewer = await sessions.findViewer({ userId: member, sessionId: first.sessionId });
    if (!viewer) throw new Error('the session should be open');
    await sessions.end(viewer);
    await sessions.end(viewer);
    expect(announced).toHaveBeenCalledTimes(1);
    expect(announced).toHaveBeenCalledWith({
      userId: member,
      sessionId: first.sessionId,
      kept: null,
    });
    expect(await sessions.findViewer({ userId: member, sessionId: first.sessionId })).toBeNull();
    expect(
      await sessions.findViewer({ userId: member, sessionId: second.sessionId }),
    ).not.toBeNull();
  });

  it('ends every session of a member in a transaction, and opens the new one in it', async () => {
    const member = await medium.member();
    const old = await Promise.all([open(member), open(member)]);
    const kept = await medium.get(Transactions).run(async (tx) => {
      await sessions.endAllOf(member, tx);
      return sessions.start(member, tx);
    });
    sessions.allEnded(member, kept.sessionId);
    for (const { sessionId } of old) {
      expect(await sessions.findViewer({ userId: member, sessionId })).toBeNull();
    }
    expect(await sessions.findViewer({ userId: member, sessionId: kept.sessionId })).not.toBeNull();
    expect(announced).toHaveBeenCalledWith({
      userId: member,
      sessionId: null,
      kept: kept.sessionId,
    });
  });

  it('revokes only an open session of its own member', async () => {
    const member = await medium.member();
    const { sessionId } = await open(member);
    expect(await repository.revoke(sessionId, await medium.member())).toBe(false);
    expect(await repository.revoke(sessionId, member)).toBe(true);
    expect(await repository.revoke(sessionId, member)).toBe(false);
  });

  it('forgets expired sessions and keeps the open ones', async () => {
    const member = await medium.member();
    const expired = await open(member);
    const current = await open(member);
    await medium.sql(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      expired.sessionId,
    ]);
    expect(await repository.purgeExpired()).toBeGreaterThanOrEqual(1);
    const left = await medium.sql<{ id: string }>('SELECT id FROM sessions WHERE user_id = $1', [
      member,
    ]);
    expect(left).toEqual([{ id: current.sessionId }]);
  });
});
