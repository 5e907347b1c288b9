import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Transactions } from '../database/transactions';
import { DOMAIN_EVENTS_QUEUE, RecordedEvent } from '../events/domain-event';
import { OutboxListener, OutboxRepository } from './outbox.repository';

const BATCH_SIZE = 200;
const POLL_MS = 1000;
const QUEUE_TIMEOUT_MS = 5000;
const RETENTION_DAYS = 7;
const CLEANUP_EVERY_MS = 10 * 60 * 1000;

/**
 * Moves committed outbox rows to the BullMQ queue. Rows are locked with SKIP LOCKED, so several
 * workers can relay side by side; a row is marked dispatched only after Redis took its job, so
 * an outage delays events but never loses them. The job id is the row id, so a row relayed twice
 * (marking failed after queueing) is still one job.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: OutboxListener | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private wakeAgain = false;
  private stopped = false;
  private lastCleanup = 0;

  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: OutboxRepository,
    @InjectQueue(DOMAIN_EVENTS_QUEUE) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Connection errors surface through relayBatch; without a listener BullMQ prints each one.
    this.queue.on('error', (error) => this.logger.debug(`queue connection: ${error.message}`));
    await this.listen();
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.listener?.close().catch(() => undefined);
  }

  /** Relays everything pending now; resolves when the outbox is empty or Redis refused. */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.wakeAgain = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.wakeAgain) {
        this.wakeAgain = false;
        void this.wake();
      }
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.relayBatch()) === BATCH_SIZE);
      await this.cleanUp();
    } catch (error) {
      this.logger.warn(`outbox relay paused: ${(error as Error).message}`);
    }
  }

  private async relayBatch(): Promise<number> {
    return this.transactions.run(async (tx) => {
      const rows = await this.outbox.claimPending(BATCH_SIZE, tx);
      if (rows.length === 0) return 0;
      const jobs = rows.map((row) => {
        const event: RecordedEvent = {
          id: String(row.id),
          type: row.type,
          payload: row.payload,
          occurredAt: row.created_at.toISOString(),
          ...(row.request_id ? { requestId: row.request_id } : {}),
        };
        return { name: row.type, data: event, opts: { jobId: `event-${row.id}` } };
      });
      await withTimeout(this.queue.addBulk(jobs), QUEUE_TIMEOUT_MS, 'Redis did not take the jobs');
      await this.outbox.markDispatched(
        rows.map((row) => row.id),
        tx,
      );
      return rows.length;
    });
  }

  private async cleanUp(): Promise<void> {
    if (Date.now() - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = Date.now();
    await this.outbox.purgeDispatchedOlderThan(RETENTION_DAYS);
  }

  private async listen(): Promise<void> {
    this.listener = await this.outbox.listen(
      () => void this.wake(),
      // Polling still delivers if the listening connection drops; log and carry on.
      (error) => this.logger.warn(`outbox listener lost: ${error.message}`),
    );
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
