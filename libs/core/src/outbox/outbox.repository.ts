import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { SAMPLE, SqlSnapshot } from '../database/sql-snapshot';
import { Tx } from '../database/transactions';

/** An outbox row as the relay reads it. */
export interface OutboxRow {
  id: string;
  type: string;
  payload: unknown;
  created_at: Date;
  request_id: string | null;
}

/** How many events wait for the relay, and how long the oldest has waited. */
export interface OutboxBacklog {
  pending: number;
  oldestAgeSeconds: number;
}

/** The connection listening for committed events, until it is closed. */
export interface OutboxListener {
  close(): Promise<void>;
}

/**
 * The relay's and the gauges' statements on `outbox`. Pending rows are read through the partial
 * index outbox_pending_idx, so they cost the backlog and never the table's history.
 */
@Injectable()
export class OutboxRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Listens on a connection of its own for events as they commit (the outbox trigger NOTIFYs
   * `outbox`), calling `onEvent` for each, and `onLost` if that connection drops.
   */
  async listen(onEvent: () => void, onLost: (error: Error) => void): Promise<OutboxListener> {
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('notification', onEvent);
    client.on('error', onLost);
    await client.connect();
    await client.query('LISTEN outbox');
    return { close: () => client.end() };
  }

  /**
   * Locks up to `limit` pending rows, oldest first, skipping rows another relay holds, so that
   * relays side by side never take the same row; the locks last until `tx` ends.
   */
  /** Appends one event in the caller's transaction. */
  @SqlSnapshot({ params: ['sample.event', { id: SAMPLE.UUID }, 'sample-request', SAMPLE.TX] })
  async append(type: string, payload: unknown, requestId: string | null, tx: Tx): Promise<void> {
    await tx.query('INSERT INTO outbox (type, payload, request_id) VALUES ($1, $2, $3)', [
      type,
      JSON.stringify(payload),
      requestId,
    ]);
  }

  @SqlSnapshot({ params: [200, SAMPLE.TX] })
  claimPending(limit: number, tx: Tx): Promise<OutboxRow[]> {
    return tx.query(
      `SELECT id, type, payload, created_at, request_id FROM outbox
        WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  /** Marks the rows relayed. */
  @SqlSnapshot({ params: [['1', '2'], SAMPLE.TX] })
  async markDispatched(ids: readonly string[], tx: Tx): Promise<void> {
    await tx.query('UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])', [ids]);
  }

  /** Forgets rows relayed more than `days` ago; returns how many. */
  async purgeDispatchedOlderThan(days: number): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM outbox WHERE dispatched_at < now() - make_interval(days => $1)`,
      [days],
    );
    return count;
  }

  /** The backlog in one query (read at every metrics scrape). */
  @SqlSnapshot({ params: [] })
  async backlog(): Promise<OutboxBacklog> {
    const [row]: Array<{ pending: number; oldest_age_seconds: number }> =
      await this.dataSource.query(
        `SELECT count(*)::float8 AS pending,
                COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest_age_seconds
           FROM outbox WHERE dispatched_at IS NULL`,
      );
    return { pending: row.pending, oldestAgeSeconds: row.oldest_age_seconds };
  }
}
