import { MetricsRegistry } from '@app/core';
import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';

/** What the response cache did: lookups by their outcome, and answers kept. */
@Injectable()
export class ResponseCacheMetrics {
  /** `hit`, `miss` (no entry), `stale` (a thread changed since), `error` (Redis did not answer). */
  readonly lookups: Counter<'result'>;
  readonly stores: Counter;

  constructor(metrics: MetricsRegistry) {
    this.lookups = new Counter({
      name: 'graphql_response_cache_lookups_total',
      help: 'Anonymous GraphQL requests looked up in the shared response cache, by result',
      labelNames: ['result'],
      registers: [metrics.registry],
    });
    this.stores = new Counter({
      name: 'graphql_response_cache_stores_total',
      help: 'Anonymous GraphQL answers kept in the shared response cache',
      registers: [metrics.registry],
    });
  }
}
