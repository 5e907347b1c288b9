import { AppConfig, APP_CONFIG, REDIS, sharedLimiter, spend } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';

const MESSAGE = 'Too many failed sign-ins for this email; try again later';

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
  private readonly emailFromAddress: RateLimiterRedis;
  private readonly email: RateLimiterRedis;
  private readonly address: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const prefix = `${config.redisPrefix}:login`;
    this.emailFromAddress = sharedLimiter(redis, {
      prefix: `${prefix}-email-address`,
      points: 5,
      windowSeconds: 15 * 60,
    });
    this.email = sharedLimiter(redis, {
      prefix: `${prefix}-email`,
      points: 50,
      windowSeconds: 3600,
    });
    this.address = sharedLimiter(redis, {
      prefix: `${prefix}-address`,
      points: 200,
      windowSeconds: 3600,
    });
  }

  /** Spends one attempt for this email and address, or throws RATE_LIMITED. */
  async attempt(email: string, address: string): Promise<void> {
    const key = normalized(email);
    await spend(this.emailFromAddress, `${key}|${address}`, MESSAGE);
    await spend(this.email, key, MESSAGE);
    await spend(
      this.address,
      address,
      'Too many failed sign-ins from your address; try again later',
    );
  }

  /** The attempt succeeded: it does not count, and earlier failures from this address are forgiven. */
  async succeeded(email: string, address: string): Promise<void> {
    const key = normalized(email);
    await Promise.all([
      this.emailFromAddress.delete(`${key}|${address}`),
      this.email.reward(key),
      this.address.reward(address),
    ]).catch(() => undefined);
  }
}

function normalized(email: string): string {
  return email.trim().toLowerCase();
}
