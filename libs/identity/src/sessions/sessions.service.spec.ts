import {
  AccountStatus,
  AppConfig,
  Role,
  SessionRevocations,
  TokenService,
  Tx,
  Viewer,
} from '@app/core';
import { SessionMemberRow, SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

const USER = '11111111-1111-4111-8111-111111111111';
const SESSION = '22222222-2222-4222-8222-222222222222';
const TTL_SECONDS = 3600;

function sessionsWith(row: SessionMemberRow | null = null, revoked = true) {
  const repository = {
    insert: jest.fn(async () => undefined),
    findOpenSessionMember: jest.fn(async () => row),
    revoke: jest.fn(async () => revoked),
    revokeAllOf: jest.fn(async () => 2),
  };
  const tokens = { issue: jest.fn(() => 'signed-token') };
  const revocations = { announce: jest.fn() };
  const service = new SessionsService(
    repository as unknown as SessionsRepository,
    tokens as unknown as TokenService,
    revocations as unknown as SessionRevocations,
    { tokenTtlSeconds: TTL_SECONDS } as AppConfig,
  );
  return { service, repository, tokens, revocations };
}

const viewer: Viewer = {
  id: USER,
  handle: 'ada',
  role: Role.MEMBER,
  status: AccountStatus.ACTIVE,
  sessionId: SESSION,
};

describe('sessions', () => {
  it('open one that lasts as long as its token, in the caller’s transaction if any', async () => {
    const { service, repository, tokens } = sessionsWith();
    const tx = {} as Tx;
    const before = Date.now();
    const opened = await service.start(USER, tx);
    const [session, usedTx] = repository.insert.mock.calls[0] as unknown as [
      { id: string; userId: string; expiresAt: Date },
      Tx,
    ];
    expect(usedTx).toBe(tx);
    expect(session).toMatchObject({ id: opened.sessionId, userId: USER });
    expect(session.expiresAt.getTime() - before).toBeGreaterThanOrEqual(TTL_SECONDS * 1000);
    expect(session.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(TTL_SECONDS * 1000);
    expect(tokens.issue).toHaveBeenCalledWith({ userId: USER, sessionId: opened.sessionId });
    expect(opened.token).toBe('signed-token');
  });

  it('name the member of an open session, with the status in force, and nobody otherwise', async () => {
    const row: SessionMemberRow = {
      id: USER,
      handle: 'ada',
      role: Role.AGENT,
      status: AccountStatus.SILENCED,
      status_until: new Date(Date.now() - 1000),
    };
    const open = sessionsWith(row);
    expect(await open.service.findViewer({ userId: USER, sessionId: SESSION })).toEqual({
      id: USER,
      handle: 'ada',
      role: Role.AGENT,
      status: AccountStatus.ACTIVE,
      sessionId: SESSION,
    });
    const closed = sessionsWith(null);
    expect(await closed.service.findViewer({ userId: USER, sessionId: SESSION })).toBeNull();
  });

  it('announce the end of the viewer’s session only when it was still open', async () => {
    const open = sessionsWith(null, true);
    await open.service.end(viewer);
    expect(open.repository.revoke).toHaveBeenCalledWith(SESSION, USER);
    expect(open.revocations.announce).toHaveBeenCalledWith({
      userId: USER,
      sessionId: SESSION,
      kept: null,
    });
    const ended = sessionsWith(null, false);
    await ended.service.end(viewer);
    expect(ended.revocations.announce).not.toHaveBeenCalled();
  });

  it('end all of a member’s sessions in a transaction, and announce all but the kept one after', async () => {
    const { service, repository, revocations } = sessionsWith();
    const tx = {} as Tx;
    await service.endAllOf(USER, tx);
    expect(repository.revokeAllOf).toHaveBeenCalledWith(USER, tx);
    expect(revocations.announce).not.toHaveBeenCalled();
    service.allEnded(USER, 'new-session');
    expect(revocations.announce).toHaveBeenCalledWith({
      userId: USER,
      sessionId: null,
      kept: 'new-session',
    });
  });
});
