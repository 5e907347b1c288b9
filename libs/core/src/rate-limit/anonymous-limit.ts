import Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { AppConfig } from '../config/config';
import { sharedLimiter } from './limiter';

export const LIMIT_WINDOW_SECONDS = 60;
export const LIMIT_MESSAGE = 'Too many requests; slow down and try again shortly';

/**
 * The per-minute limit of an anonymous client address: one counter in Redis, whether the
 * operation runs or is answered from the response cache. Past it the caller waits a window.
 */
export function anonymousLimiter(redis: Redis, config: AppConfig): RateLimiterRedis {
  return sharedLimiter(redis, {
    windowSeconds: LIMIT_WINDOW_SECONDS,
    blockSeconds: LIMIT_WINDOW_SECONDS,
    prefix: `${config.redisPrefix}:limit-anonymous`,
    points: config.anonymousPerMinute,
  });
}
