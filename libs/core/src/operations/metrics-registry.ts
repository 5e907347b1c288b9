import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The Prometheus registry of one process (API or worker), where every lib defines its metrics
 * and `/metrics` reads them. One per application, so that two apps in one process (the tests)
 * never register a metric twice.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
