import {
  APP_CONFIG,
  AppConfig,
  SessionRevocations,
  TokenService,
  TokenSubject,
  Tx,
  Viewer,
  ViewerSource,
} from '@app/core';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { effectiveStatus } from '../reputation';
import { SessionsRepository } from './sessions.repository';

/** A session just opened, and the bearer token that names it. */
export interface OpenedSession {
  sessionId: string;
  token: string;
}

/**
 * Sessions: each sign-in (register, login, password reset) opens one and gets a token naming it.
 * A token works only while its session is open, so the API can end a session before the token's
 * own expiry: signOut ends one, a password reset ends them all.
 */
@Injectable()
export class SessionsService implements ViewerSource {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly tokens: TokenService,
    private readonly revocations: SessionRevocations,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Opens a session for a member (in the transaction `tx`, if given); returns its token. */
  async start(userId: string, tx?: Tx): Promise<OpenedSession> {
    const sessionId = randomUUID();
    // The session lasts as long as the token it is issued with, and not a moment longer.
    const expiresAt = new Date(Date.now() + this.config.tokenTtlSeconds * 1000);
    await this.sessions.insert({ id: sessionId, userId, expiresAt }, tx);
    return { sessionId, token: this.tokens.issue({ userId, sessionId }) };
  }

  /** The viewer a token names: its member while its session is open, else null. */
  async findViewer(subject: TokenSubject): Promise<Viewer | null> {
    const row = await this.sessions.findOpenSessionMember(subject.sessionId, subject.userId);
    if (!row) return null;
    return {
      id: row.id,
      handle: row.handle,
      role: row.role,
      status: effectiveStatus(row.status, row.status_until),
      sessionId: subject.sessionId,
    };
  }

  /**
   * Ends the viewer's own session: its token stops working with the next request, and the live
   * connections opened with it are closed.
   */
  async end(viewer: Viewer): Promise<void> {
    if (await this.sessions.revoke(viewer.sessionId, viewer.id)) {
      this.revocations.announce({ userId: viewer.id, sessionId: viewer.sessionId, kept: null });
    }
  }

  /**
   * Ends every open session of a member, in the caller's transaction; call `allEnded` once it
   * has committed.
   */
  async endAllOf(userId: string, tx: Tx): Promise<void> {
    await this.sessions.revokeAllOf(userId, tx);
  }

  /**
   * Closes the live connections of a member whose sessions `endAllOf` ended (and committed),
   * all but those of the session `kept` (opened since).
   */
  allEnded(userId: string, kept: string | null): void {
    this.revocations.announce({ userId, sessionId: null, kept });
  }
}
