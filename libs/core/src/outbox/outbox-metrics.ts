import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { MetricsRegistry } from '../operations/metrics-registry';
import { scrapeReading } from '../operations/scrape-reading';

interface Backlog {
  pending: number;
  oldestAgeSeconds: number;
}

/** What the gauges say when the database does not answer: unknown, rather than a calm zero. */
const UNKNOWN: Backlog = { pending: NaN, oldestAgeSeconds: NaN };

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
  private reading: Promise<Backlog> | null = null;

  constructor(
    metrics: MetricsRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    const registers = [metrics.registry];
    const backlog = (): Promise<Backlog> => this.backlog();
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
  private backlog(): Promise<Backlog> {
    this.reading ??= this.read().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async read(): Promise<Backlog> {
    try {
      const [row]: Array<{ pending: number; oldest_age_seconds: number }> = await scrapeReading(
        this.dataSource.query(
          `SELECT count(*)::float8 AS pending,
                  COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest_age_seconds
             FROM outbox WHERE dispatched_at IS NULL`,
        ),
      );
      return { pending: row.pending, oldestAgeSeconds: row.oldest_age_seconds };
    } catch (error) {
      this.logger.debug(`outbox backlog not read: ${(error as Error).message}`);
      return UNKNOWN;
    }
  }
}
