import { loadConfig, TokenService } from '@app/core';
import { ClosableSocket, LiveSessions, SESSION_ENDED_CLOSE } from './live-sessions';

const ADA = '0b6f7c9e-3a1d-4e5f-9a8b-7c6d5e4f3a2b';
const BOB = '1c7a8d0f-4b2e-4f60-8b9c-8d7e6f5a4b3c';
const S1 = '5d1c8f2e-6b7a-4c3d-8e9f-0a1b2c3d4e5f';
const S2 = '6e2d9a3f-7c8b-4d4e-9f0a-1b2c3d4e5f60';
const S3 = '7f3e0b4a-8d9c-4e5f-8a1b-2c3d4e5f6071';

/** A socket that records how it was closed. */
function socket(): ClosableSocket & { closes: Array<[number, string]> } {
  const closes: Array<[number, string]> = [];
  return { closes, close: (code, reason) => closes.push([code, reason]) };
}

describe('LiveSessions', () => {
  const tokens = new TokenService(loadConfig({}));
  const token = (userId: string, sessionId: string) => tokens.issue({ userId, sessionId });
  const ended = [[SESSION_ENDED_CLOSE.code, SESSION_ENDED_CLOSE.reason]];

  it("closes only the sockets of the ended session, not the member's others nor anyone else's", () => {
    const live = new LiveSessions(tokens);
    const [first, again, other, bobs] = [socket(), socket(), socket(), socket()];
    live.connected(first, token(ADA, S1));
    live.connected(again, token(ADA, S1));
    live.connected(other, token(ADA, S2));
    live.connected(bobs, token(BOB, S1));
    live.revoked({ userId: ADA, sessionId: S1, kept: null });
    expect(first.closes).toEqual(ended);
    expect(again.closes).toEqual(ended);
    expect(other.closes).toEqual([]);
    expect(bobs.closes).toEqual([]);
  });

  it('closes every session of a member but the one kept', () => {
    const live = new LiveSessions(tokens);
    const [old, older, kept] = [socket(), socket(), socket()];
    live.connected(old, token(ADA, S1));
    live.connected(older, token(ADA, S2));
    live.connected(kept, token(ADA, S3));
    live.revoked({ userId: ADA, sessionId: null, kept: S3 });
    expect([old.closes, older.closes, kept.closes]).toEqual([ended, ended, []]);
  });

  it('forgets closed sockets, and ignores sockets without a valid token', () => {
    const live = new LiveSessions(tokens);
    const [gone, anonymous, forged] = [socket(), socket(), socket()];
    live.connected(gone, token(ADA, S1));
    live.connected(anonymous, null);
    live.connected(forged, 'not-a-token');
    live.closed(gone);
    live.closed(anonymous);
    live.revoked({ userId: ADA, sessionId: null, kept: null });
    expect([gone.closes, anonymous.closes, forged.closes]).toEqual([[], [], []]);
  });
});
