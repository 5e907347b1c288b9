import { AppConfig, APP_CONFIG, REDIS } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { AttemptThrottle } from '../attempt-throttle';

/**
 * Requests for a password reset email, counted before the email is looked up, so a known and an
 * unknown email are limited alike and the limit tells nothing:
 *
 * - one email from one address: 3 per 15 minutes;
 * - one email from anywhere: 10 per hour, which bounds how many reset emails anyone can make a
 *   member receive;
 * - one address over every email: 30 per hour.
 *
 * Every request counts, sent or not (nothing is forgiven). Like the login throttle it stays on
 * with `RATE_LIMIT=off`: it guards members' inboxes, not the API's capacity.
 */
@Injectable()
export class PasswordResetThrottle {
  private readonly throttle: AttemptThrottle;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.throttle = new AttemptThrottle(redis, {
      prefix: `${config.redisPrefix}:password-reset`,
      emailFromAddress: { points: 3, windowSeconds: 15 * 60 },
      email: { points: 10, windowSeconds: 3600 },
      address: { points: 30, windowSeconds: 3600 },
      emailMessage: 'Too many password reset requests for this email; try again later',
      addressMessage: 'Too many password reset requests from your address; try again later',
    });
  }

  /** Spends one request for this email and address, or throws RATE_LIMITED. */
  attempt(email: string, address: string): Promise<void> {
    return this.throttle.attempt(email, address);
  }
}
