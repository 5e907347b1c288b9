import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import Redis from 'ioredis';
import { RequestContext } from '../auth/viewer';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config';
import { rateLimited } from '../errors/app-errors';
import { REDIS } from '../redis/redis.module';

const WINDOW_MS = 60_000;

/**
 * Per-minute limits kept in Redis, so every API instance shares them: a signed-in member's
 * mutations, and every operation of an anonymous client address. Runs after the AuthGuard,
 * which has established the viewer. `RATE_LIMIT=off` lifts them (the login throttle stays).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly storage: ThrottlerStorageRedisService;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) redis: Redis,
  ) {
    this.storage = new ThrottlerStorageRedisService(redis);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.config.rateLimitEnabled || context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    const operation = gql.getInfo<{ operation: { operation: string } }>().operation.operation;
    const limit = ctx.viewer
      ? operation === 'mutation'
        ? { key: `writes:${ctx.viewer.id}`, max: this.config.writesPerMinute }
        : null
      : { key: `anonymous:${ctx.ip}`, max: this.config.anonymousPerMinute };
    if (!limit) return true;
    const record = await this.storage.increment(
      `${this.config.redisPrefix}:${limit.key}`,
      WINDOW_MS,
      limit.max,
      // Past the limit, the caller waits a whole window before the next call counts again.
      WINDOW_MS,
      'minute',
    );
    if (record.isBlocked) {
      throw rateLimited(
        'Too many requests; slow down and try again shortly',
        Math.max(record.timeToBlockExpire, 1),
      );
    }
    return true;
  }
}
