import { MetricsRegistry, scrapeReading } from '@app/core';
import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Counter, Gauge } from 'prom-client';

/** The states an operator watches: work waiting, in hand, deferred to later, and given up on. */
const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * Every queue of the worker, found among its providers so that a lib's new queue is counted
 * without being listed here: jobs per queue and state, read from Redis at scrape time (NaN when
 * Redis does not answer in time), and failed attempts per queue, counted as they happen.
 */
@Injectable()
export class QueueMetrics implements OnApplicationBootstrap {
  readonly jobs: Gauge<'queue' | 'state'>;
  readonly failures: Counter<'queue'>;
  private readonly logger = new Logger(QueueMetrics.name);
  private queues: Queue[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    metrics: MetricsRegistry,
  ) {
    const registers = [metrics.registry];
    this.jobs = new Gauge({
      name: 'queue_jobs',
      help: 'Jobs per queue and state, read at scrape time (NaN: Redis did not answer)',
      labelNames: ['queue', 'state'],
      registers,
      collect: () => this.readCounts(),
    });
    this.failures = new Counter({
      name: 'queue_job_failures_total',
      help: 'Failed job attempts per queue: every failed try counts, retried or not',
      labelNames: ['queue'],
      registers,
    });
  }

  /** Queue workers exist from module init (BullMQ's explorer), so all are there by now. */
  onApplicationBootstrap(): void {
    const instances = this.discovery.getProviders().map((wrapper) => wrapper.instance as unknown);
    const queues = new Map<string, Queue>();
    for (const instance of instances) {
      if (instance instanceof Queue) queues.set(instance.name, instance);
    }
    this.queues = [...queues.values()];
    for (const instance of instances) {
      if (!(instance instanceof WorkerHost)) continue;
      const queue = instance.worker.name;
      // At zero from the start, so that the first failure is an increase rate() can see.
      this.failures.inc({ queue }, 0);
      instance.worker.on('failed', () => this.failures.inc({ queue }));
    }
  }

  private async readCounts(): Promise<void> {
    await Promise.all(
      this.queues.map(async (queue) => {
        let counts: Record<string, number> | null = null;
        try {
          counts = await scrapeReading(queue.getJobCounts(...STATES));
        } catch (error) {
          this.logger.debug(`jobs of ${queue.name} not counted: ${(error as Error).message}`);
        }
        for (const state of STATES) {
          this.jobs.set({ queue: queue.name, state }, counts ? (counts[state] ?? 0) : NaN);
        }
      }),
    );
  }
}
