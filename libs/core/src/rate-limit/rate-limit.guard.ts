import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { RequestContext } from '../auth/viewer';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config';
import { REDIS } from '../redis/redis.module';
import { anonymousLimiter, LIMIT_MESSAGE, LIMIT_WINDOW_SECONDS } from './anonymous-limit';
import { sharedLimiter, spend } from './limiter';

/**
 * Per-minute limits shared by every API instance: a signed-in member's mutations, and every
 * operation of an anonymous client address (as TRUST_PROXY lets the API see it). Runs after the
 * AuthGuard, which has established the viewer. Past a limit the caller waits a whole window.
 * `RATE_LIMIT=off` lifts them (the login throttle stays).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly writes: RateLimiterRedis;
  private readonly anonymous: RateLimiterRedis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) redis: Redis,
  ) {
    this.writes = sharedLimiter(redis, {
      windowSeconds: LIMIT_WINDOW_SECONDS,
      blockSeconds: LIMIT_WINDOW_SECONDS,
      prefix: `${config.redisPrefix}:limit-writes`,
      points: config.writesPerMinute,
    });
    this.anonymous = anonymousLimiter(redis, config);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.config.rateLimitEnabled || context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    if (!ctx.viewer) {
      await spend(this.anonymous, ctx.ip, LIMIT_MESSAGE);
    } else if (
      gql.getInfo<{ operation: { operation: string } }>().operation.operation === 'mutation'
    ) {
      await spend(this.writes, ctx.viewer.id, LIMIT_MESSAGE);
    }
    return true;
  }
}
