import { AccountStatus, badInput, OutboxService, Transactions, unauthenticated } from '@app/core';
import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuthPayload } from '../dto/auth-payload.type';
import { ResetPasswordArgs } from '../dto/reset-password.args';
import { IDENTITY_EVENTS, PasswordResetRequestedEvent } from '../identity.events';
import { PasswordHasher } from '../password-hasher';
import { effectiveStatus } from '../reputation';
import { SessionsService } from '../sessions/sessions.service';
import { UsersRepository } from '../users.repository';
import { PasswordResetThrottle } from './password-reset-throttle';
import { PasswordResetsRepository } from './password-resets.repository';
import { resetTokenHash } from './reset-token';

/**
 * Every request for a reset answers after at least this long, known email or not, so that the
 * time taken does not tell whether an account exists (the known path writes one outbox row).
 */
const REQUEST_FLOOR_MS = 250;

const INVALID_TOKEN = 'is unknown, expired or already used; ask for a new password reset link';

/** Password resets by email: asking for a link, and choosing a new password with it. */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: UsersRepository,
    private readonly resets: PasswordResetsRepository,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: PasswordResetThrottle,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Asks for a reset email to `email`, from a client address. The answer is the same whether
   * or not a member has the email: only a member who may sign in (not suspended) gets an email,
   * which the worker sends from the event recorded here.
   */
  async request(email: string, clientAddress: string): Promise<void> {
    const floor = sleep(REQUEST_FLOOR_MS);
    await this.throttle.attempt(email, clientAddress);
    const user = await this.users.findByEmail(email);
    if (user && effectiveStatus(user.status, user.statusUntil) !== AccountStatus.SUSPENDED) {
      await this.transactions.run((tx) =>
        this.outbox.record(tx, IDENTITY_EVENTS.passwordResetRequested, {
          userId: user.id,
        } satisfies PasswordResetRequestedEvent),
      );
    }
    await floor;
  }

  /**
   * Sets a new password with a reset token and signs the member in. The token is used once even
   * under concurrent calls; using it voids the member's other reset tokens and ends every session
   * of theirs (whoever knew the old password is signed out), then opens a new one.
   */
  async reset(args: ResetPasswordArgs): Promise<AuthPayload> {
    const tokenHash = resetTokenHash(args.token);
    // A cheap read first, so that a wrong token costs no password hashing.
    const userId = tokenHash ? await this.resets.usableBy(tokenHash) : null;
    if (!tokenHash || !userId) throw badInput('token', INVALID_TOKEN);
    const passwordHash = await this.hasher.hash(args.password);
    const { user, session } = await this.transactions.run(async (tx) => {
      // The member's row first: concurrent resets of one member queue here, never deadlock.
      const user = await this.users.lockById(userId, tx);
      if (!user) throw badInput('token', INVALID_TOKEN);
      if (effectiveStatus(user.status, user.statusUntil) === AccountStatus.SUSPENDED) {
        throw unauthenticated('This account is suspended');
      }
      if (!(await this.resets.consume(tokenHash, userId, tx))) {
        throw badInput('token', INVALID_TOKEN);
      }
      await this.users.setPasswordHash(userId, passwordHash, tx);
      await this.resets.voidOpenOf(userId, tx);
      await this.sessions.endAllOf(userId, tx);
      return { user, session: await this.sessions.start(userId, tx) };
    });
    this.sessions.allEnded(userId, session.sessionId);
    return { token: session.token, user };
  }
}
