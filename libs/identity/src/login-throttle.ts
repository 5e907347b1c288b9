import { AppConfig, APP_CONFIG, rateLimited, REDIS } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';

const MAX_FAILURES = 5;
const WINDOW_SECONDS = 15 * 60;

/**
 * Counts failed logins per email in Redis (shared by every API instance). After five failures
 * within fifteen minutes of the first, the email is locked until that window passes, even for
 * the right password. `RATE_LIMIT=off` does not lift it.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws RATE_LIMITED when the email has used up its failures. */
  async assertAllowed(email: string): Promise<void> {
    const key = this.key(email);
    const [failures, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
    if (Number(failures ?? 0) >= MAX_FAILURES) {
      throw rateLimited(
        'Too many failed sign-ins for this email; try again later',
        Math.max(ttl, 1),
      );
    }
  }

  /** Counts one failure; the window starts at the first one. */
  async recordFailure(email: string): Promise<void> {
    const key = this.key(email);
    await this.redis.multi().incr(key).expire(key, WINDOW_SECONDS, 'NX').exec();
  }

  /** A successful login forgets earlier failures. */
  async reset(email: string): Promise<void> {
    await this.redis.del(this.key(email));
  }

  private key(email: string): string {
    return `${this.config.redisPrefix}:login-failures:${email.trim().toLowerCase()}`;
  }
}
