import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

export const SCREENING_QUEUE = 'screening-maintenance';
const PURGE_EVERY_MS = 60 * 60 * 1000;

/** Forgets text fingerprints older than a day: automod only looks a day back for repeats. */
@Processor(SCREENING_QUEUE)
export class FingerprintPurgeProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(FingerprintPurgeProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(SCREENING_QUEUE) private readonly queue: Queue,
  ) {
    super();
    queue.on('error', (error) => this.logger.debug(`queue connection: ${error.message}`));
  }

  /** Not awaited: a worker started while Redis is away must still start. */
  onApplicationBootstrap(): void {
    this.queue
      .upsertJobScheduler('fingerprint-purge', { every: PURGE_EVERY_MS })
      .catch((error: Error) => this.logger.warn(`fingerprint schedule: ${error.message}`));
  }

  async process(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM content_fingerprints WHERE created_at < now() - interval '1 day'`,
    );
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`worker connection: ${error.message}`);
  }
}
