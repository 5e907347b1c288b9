import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '../errors/app-errors';

export interface LimitRule {
  /** Namespaces the counters in Redis (the deployment's prefix included). */
  prefix: string;
  /** Calls allowed per window. */
  points: number;
  windowSeconds: number;
  /** Once past the limit, how long the caller waits (0: until the window ends). */
  blockSeconds?: number;
}

/**
 * A limiter shared by every API instance through Redis, each step atomic there. While Redis does
 * not answer it falls back at once to the same limit counted in this process, so an outage
 * neither lifts the limits nor turns requests into errors.
 */
export function sharedLimiter(redis: Redis, rule: LimitRule): RateLimiterRedis {
  const shape = {
    points: rule.points,
    duration: rule.windowSeconds,
    blockDuration: rule.blockSeconds ?? 0,
  };
  return new RateLimiterRedis({
    ...shape,
    storeClient: redis,
    keyPrefix: rule.prefix,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ ...shape, keyPrefix: rule.prefix }),
  });
}

/** Spends one point of `key`, or throws RATE_LIMITED saying when to come back. */
export async function spend(
  limiter: RateLimiterRedis,
  key: string,
  message: string,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw rateLimited(message, Math.max(Math.ceil(rejection.msBeforeNext / 1000), 1));
    }
    throw rejection;
  }
}
