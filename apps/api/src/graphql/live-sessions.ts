import { SessionRevocation, TokenService, TokenSubject } from '@app/core';

/** What graphql-ws gives of a socket: a way to close it. */
export interface ClosableSocket {
  close(code: number, reason: string): void;
}

/** The close code a socket of an ended session gets: graphql-ws's Unauthorized, not retried. */
export const SESSION_ENDED_CLOSE = { code: 4401, reason: 'Session ended' } as const;

/**
 * The open WebSocket connections of this instance by the session their token names, so that
 * ending a session (signOut, a password reset) closes them at once, instead of letting running
 * subscriptions carry on until the client leaves. Each operation on a socket is still checked
 * by the auth guard against the session's row; this only ends what was checked before.
 * Tokens are read by signature alone here (no query): a bad one has nothing to close.
 */
export class LiveSessions {
  /** Per member, each open socket and the session it was opened with. */
  private readonly byMember = new Map<string, Map<ClosableSocket, string>>();
  private readonly subjects = new WeakMap<ClosableSocket, TokenSubject>();

  constructor(private readonly tokens: TokenService) {}

  /** A socket finished its handshake with `token` (or none). */
  connected(socket: ClosableSocket, token: string | null): void {
    const subject = token ? this.tokens.verify(token) : null;
    if (!subject) return;
    this.subjects.set(socket, subject);
    let sockets = this.byMember.get(subject.userId);
    if (!sockets) {
      sockets = new Map();
      this.byMember.set(subject.userId, sockets);
    }
    sockets.set(socket, subject.sessionId);
  }

  /** A socket closed, for whatever reason. */
  closed(socket: ClosableSocket): void {
    const subject = this.subjects.get(socket);
    if (!subject) return;
    this.subjects.delete(socket);
    const sockets = this.byMember.get(subject.userId);
    sockets?.delete(socket);
    if (sockets?.size === 0) this.byMember.delete(subject.userId);
  }

  /** Closes the sockets of the sessions that ended. */
  revoked(revocation: SessionRevocation): void {
    for (const [socket, sessionId] of this.byMember.get(revocation.userId) ?? []) {
      const ended =
        revocation.sessionId === null
          ? sessionId !== revocation.kept
          : sessionId === revocation.sessionId;
      if (ended) socket.close(SESSION_ENDED_CLOSE.code, SESSION_ENDED_CLOSE.reason);
    }
  }
}
