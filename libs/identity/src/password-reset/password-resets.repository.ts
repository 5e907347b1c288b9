import { Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Every statement on `password_resets`. Tokens appear here only as their SHA-256. */
@Injectable()
export class PasswordResetsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores the token of the reset an event asked for, valid until `expiresAt`. A retried event
   * replaces the token of its own reset (the one it made before may never have reached the
   * member), unless that reset was already emailed or used. Returns the reset's id, or null when
   * there is nothing to send.
   */
  async issue(reset: {
    id: string;
    eventId: string;
    userId: string;
    tokenHash: Buffer;
    expiresAt: Date;
  }): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO password_resets (id, event_id, user_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (event_id) DO UPDATE
         SET token_hash = EXCLUDED.token_hash, expires_at = EXCLUDED.expires_at
         WHERE password_resets.emailed_at IS NULL AND password_resets.used_at IS NULL
       RETURNING id`,
      [reset.id, reset.eventId, reset.userId, reset.tokenHash, reset.expiresAt],
    );
    return rows[0]?.id ?? null;
  }

  /** Notes that a reset's email was accepted by the mail server, so a retry sends no other. */
  async markEmailed(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE password_resets SET emailed_at = now() WHERE id = $1`, [
      id,
    ]);
  }

  /** The member of a reset that can still be used, if any (a read, before the costly hashing). */
  async usableBy(tokenHash: Buffer): Promise<string | null> {
    const [row]: Array<{ user_id: string }> = await this.dataSource.query(
      `SELECT user_id FROM password_resets
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
      [tokenHash],
    );
    return row?.user_id ?? null;
  }

  /**
   * Uses the reset in the transaction `tx`: true for exactly one of any number of concurrent
   * calls with the same token (the row lock makes the others see it used), false when it is
   * unknown, expired, used, or not `userId`'s.
   */
  async consume(tokenHash: Buffer, userId: string, tx: Tx): Promise<boolean> {
    const [rows]: [unknown[], number] = await tx.query(
      `UPDATE password_resets SET used_at = now()
        WHERE token_hash = $1 AND user_id = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING id`,
      [tokenHash, userId],
    );
    return rows.length === 1;
  }

  /** Makes every other open reset of a member unusable (marked used), in the transaction `tx`. */
  async voidOpenOf(userId: string, tx: Tx): Promise<void> {
    await tx.query(
      `UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
  }

  /** Forgets resets that expired more than a day ago; returns how many. */
  async purgeExpired(): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM password_resets WHERE expires_at < now() - interval '1 day'`,
    );
    return count;
  }
}
