import { AccountStatus } from '@app/core';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { effectiveStatus } from '../reputation';
import { UsersRepository } from '../users.repository';
import { PasswordResetsRepository } from './password-resets.repository';
import { newResetToken } from './reset-token';

/** How long a reset link works after it is made. */
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

/** A reset ready to email: the only place its token exists besides the email itself. */
export interface IssuedPasswordReset {
  resetId: string;
  token: string;
  expiresAt: Date;
  email: string;
  handle: string;
}

/**
 * Makes the token of a requested reset, on the worker, just before its email is sent: the token
 * is kept only as its hash, so it never sits in the outbox, in a queued job or in a log.
 */
@Injectable()
export class PasswordResetIssuer {
  constructor(
    private readonly users: UsersRepository,
    private readonly resets: PasswordResetsRepository,
  ) {}

  /**
   * A fresh token for the reset event `eventId` asked for, or null when there is nothing to
   * send: the member is gone or suspended since, or this event's reset was emailed or used.
   */
  async issue(eventId: string, userId: string): Promise<IssuedPasswordReset | null> {
    const user = await this.users.findById(userId);
    if (!user || effectiveStatus(user.status, user.statusUntil) === AccountStatus.SUSPENDED) {
      return null;
    }
    const { token, hash } = newResetToken();
    const expiresAt = new Date(Date.now() + RESET_TOKEN_TTL_MS);
    const resetId = await this.resets.issue({
      id: randomUUID(),
      eventId,
      userId,
      tokenHash: hash,
      expiresAt,
    });
    if (!resetId) return null;
    return { resetId, token, expiresAt, email: user.email, handle: user.handle };
  }

  /** The reset's email was accepted by the mail server. */
  markEmailed(resetId: string): Promise<void> {
    return this.resets.markEmailed(resetId);
  }
}
