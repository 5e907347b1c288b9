import { AccountStatus, Role, SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The member behind an open session, as the viewer lookup reads it. */
export interface SessionMemberRow {
  id: string;
  handle: string;
  role: Role;
  status: AccountStatus;
  status_until: Date | null;
}

/** Every statement on `sessions`. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Opens a session for a member until `expiresAt` (in the transaction `tx`, if given). */
  async insert(session: { id: string; userId: string; expiresAt: Date }, tx?: Tx): Promise<void> {
    await (tx ?? this.dataSource.manager).query(
      `INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, $3)`,
      [session.id, session.userId, session.expiresAt],
    );
  }

  /**
   * The member of an open session: one query per request, on two primary keys. The session must
   * be the member's (a token pairing someone's session with another id names nobody), not
   * revoked and not expired.
   */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2] })
  async findOpenSessionMember(sessionId: string, userId: string): Promise<SessionMemberRow | null> {
    const [row]: SessionMemberRow[] = await this.dataSource.query(
      `SELECT u.id, u.handle, u.role, u.status, u.status_until
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [sessionId, userId],
    );
    return row ?? null;
  }

  /** Revokes one session of a member; false when it was not open. */
  async revoke(sessionId: string, userId: string): Promise<boolean> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE sessions SET revoked_at = now()
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [sessionId, userId],
    );
    return count > 0;
  }

  /** Revokes every open session of a member, in the transaction `tx`; returns how many. */
  async revokeAllOf(userId: string, tx: Tx): Promise<number> {
    const [, count]: [unknown, number] = await tx.query(
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    return count;
  }

  /** Forgets sessions that have expired: no token can name them any more. Returns how many. */
  async purgeExpired(): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM sessions WHERE expires_at < now()`,
    );
    return count;
  }
}
