import { upsertSchedules } from '@app/core';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { ExportPurge } from './export/export-purge';
import { TrendingSweep } from './votes/trending-sweep';

export const IDEAS_MAINTENANCE_QUEUE = 'ideas-maintenance';

const SCHEDULES = [
  { name: 'trending-sweep', every: 15 * 60 * 1000 },
  { name: 'export-purge', every: 60 * 60 * 1000 },
] as const;

/**
 * The ideas lib's periodic work on the worker: the trending sweep and the purge of old exports.
 * Each schedule exists once in Redis, so however many workers run, each job runs once.
 */
@Processor(IDEAS_MAINTENANCE_QUEUE)
export class IdeasMaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(IdeasMaintenanceProcessor.name);

  constructor(
    private readonly trending: TrendingSweep,
    private readonly exports: ExportPurge,
    @InjectQueue(IDEAS_MAINTENANCE_QUEUE) private readonly queue: Queue,
  ) {
    super();
    queue.on('error', (error) => this.logger.debug(`queue connection: ${error.message}`));
  }

  /** Not awaited: a worker started while Redis is away must still start. */
  onApplicationBootstrap(): void {
    upsertSchedules(this.queue, SCHEDULES, this.logger);
  }

  async process(job: Job): Promise<void> {
    if (job.name === 'trending-sweep') await this.trending.sweep();
    else if (job.name === 'export-purge') await this.exports.purge();
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`worker connection: ${error.message}`);
  }
}
