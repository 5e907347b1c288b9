import { AppConfig, APP_CONFIG, REDIS } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { AttemptThrottle } from './attempt-throttle';

/**
 * Sign-in attempts, counted before the password is checked, so that counting and checking are
 * one atomic step: of many concurrent guesses only as many are checked as the limit allows.
 *
 * - one email from one address: 5 attempts per 15 minutes (the contract's lock);
 * - one email from anywhere: 50 per hour, so rotating addresses does not help, while one
 *   attacker's address alone cannot lock the member out;
 * - one address over every email: 200 per hour, against trying one password on many accounts.
 *
 * A successful sign-in gives its attempt back and clears the email's lock for that address.
 * `RATE_LIMIT=off` does not lift it; a Redis outage counts in process memory meanwhile.
 */
@Injectable()
export class LoginThrottle {
  private readonly throttle: AttemptThrottle;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.throttle = new AttemptThrottle(redis, {
      prefix: `${config.redisPrefix}:login`,
      emailFromAddress: { points: 5, windowSeconds: 15 * 60 },
      email: { points: 50, windowSeconds: 3600 },
      address: { points: 200, windowSeconds: 3600 },
      emailMessage: 'Too many failed sign-ins for this email; try again later',
      addressMessage: 'Too many failed sign-ins from your address; try again later',
    });
  }

  /** Spends one attempt for this email and address, or throws RATE_LIMITED. */
  attempt(email: string, address: string): Promise<void> {
    return this.throttle.attempt(email, address);
  }

  /** The attempt succeeded: it does not count, and earlier failures from this address are forgiven. */
  succeeded(email: string, address: string): Promise<void> {
    return this.throttle.forgive(email, address);
  }
}
