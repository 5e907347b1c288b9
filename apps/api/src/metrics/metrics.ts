import { MetricsRegistry } from '@app/core';
import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** The API's own metrics, beside the process metrics of the shared registry. */
@Injectable()
export class ApiMetrics {
  readonly requestDuration: Histogram<'method' | 'route' | 'status'>;
  readonly operationDuration: Histogram<'operation_name' | 'operation_type'>;
  readonly operationErrors: Counter<'code'>;
  readonly liveSubscriptions: Gauge<'field'>;

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.requestDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.operationDuration = new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'GraphQL operations over HTTP by operation name and type, from request to response',
      labelNames: ['operation_name', 'operation_type'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.operationErrors = new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL responses, by the code clients see (extensions.code)',
      labelNames: ['code'],
      registers,
    });
    this.liveSubscriptions = new Gauge({
      name: 'graphql_live_subscriptions',
      help: 'Subscriptions open over graphql-ws on this instance, by root field',
      labelNames: ['field'],
      registers,
    });
  }
}
