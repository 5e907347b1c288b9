import { Injectable, Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsRegistry } from '../operations/metrics-registry';
import { scrapeReading } from '../operations/scrape-reading';
import { OutboxBacklog, OutboxRepository } from './outbox.repository';

/** What the gauges say when the database does not answer: unknown, rather than a calm zero. */
const UNKNOWN: OutboxBacklog = { pending: NaN, oldestAgeSeconds: NaN };

/**
 * The outbox as an operator watches it: how many events wait for the relay, and how long the
 * oldest has waited (a growing age means events are late: Redis refuses them, or no worker
 * relays). Read at scrape time with one query, which the relay's partial index of pending rows
 * (outbox_pending_idx) serves, so it costs the backlog and never the table's history.
 */
@Injectable()
export class OutboxMetrics {
  readonly pending: Gauge;
  readonly oldestAge: Gauge;
  private readonly logger = new Logger(OutboxMetrics.name);
  /** The reading of the scrape in progress, which both gauges share. */
  private reading: Promise<OutboxBacklog> | null = null;

  constructor(
    metrics: MetricsRegistry,
    private readonly outbox: OutboxRepository,
  ) {
    const registers = [metrics.registry];
    const backlog = (): Promise<OutboxBacklog> => this.backlog();
    this.pending = new Gauge({
      name: 'outbox_pending_events',
      help: 'Events recorded in the outbox and not yet relayed to the queue (NaN: database unreadable)',
      registers,
      async collect() {
        this.set((await backlog()).pending);
      },
    });
    this.oldestAge = new Gauge({
      name: 'outbox_oldest_pending_event_age_seconds',
      help: 'Age of the oldest event not yet relayed, 0 when none waits (NaN: database unreadable)',
      registers,
      async collect() {
        this.set((await backlog()).oldestAgeSeconds);
      },
    });
  }

  /** prom-client collects every metric of a scrape at once, so both gauges get one query. */
  private backlog(): Promise<OutboxBacklog> {
    this.reading ??= this.read().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async read(): Promise<OutboxBacklog> {
    try {
      return await scrapeReading(this.outbox.backlog());
    } catch (error) {
      this.logger.debug(`outbox backlog not read: ${(error as Error).message}`);
      return UNKNOWN;
    }
  }
}
