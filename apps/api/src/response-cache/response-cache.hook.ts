import { anonymousLimiter, APP_CONFIG, AppConfig, REDIS } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { anonymousHttpOperation } from './http-operation';
import { ResponseCacheStore } from './response-cache.store';

const GRAPHQL_PATH = '/graphql';

/**
 * Answers an anonymous query on /graphql from the shared response cache before GraphQL is
 * touched (no parsing, validation or execution): a Fastify preHandler, so the body is parsed
 * and every onRequest hook (request id, security headers, CORS) has run. Whatever is not a
 * current kept answer goes on to Apollo unchanged.
 */
@Injectable()
export class ResponseCacheHook {
  private readonly anonymous: RateLimiterRedis;

  constructor(
    private readonly store: ResponseCacheStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) redis: Redis,
  ) {
    this.anonymous = anonymousLimiter(redis, config);
  }

  readonly preHandler = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> => {
    if (!this.config.responseCacheEnabled || request.routeOptions.url !== GRAPHQL_PATH) {
      return undefined;
    }
    const operation = anonymousHttpOperation({
      method: request.method,
      header: (name) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      },
      body: request.body,
      query: request.query,
    });
    const entryKey = operation ? this.store.keyOf(operation) : null;
    const kept = entryKey ? await this.store.lookup(entryKey) : null;
    if (kept === null || !(await this.withinLimit(request.ip, kept.rootFields))) return undefined;
    return reply
      .code(200)
      .header('content-type', 'application/json; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-cache', 'hit')
      .send(kept.body);
  };

  /**
   * A kept answer costs the address's per-minute limit what running it would (a point per root
   * field). Past the limit, the request goes on to GraphQL, which refuses it as it refuses any
   * other (RATE_LIMITED, Retry-After).
   */
  private async withinLimit(ip: string, points: number): Promise<boolean> {
    if (!this.config.rateLimitEnabled) return true;
    try {
      await this.anonymous.consume(ip, points);
      return true;
    } catch {
      return false;
    }
  }
}
