import { upsertSchedules } from '@app/core';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { ContentFingerprintsRepository } from './content-fingerprints.repository';

export const SCREENING_QUEUE = 'screening-maintenance';
const PURGE_EVERY_MS = 60 * 60 * 1000;
const PURGE_PAGE = 1000;

/** Forgets text fingerprints older than a day: automod only looks a day back for repeats. */
@Processor(SCREENING_QUEUE)
export class FingerprintPurgeProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(FingerprintPurgeProcessor.name);

  constructor(
    private readonly fingerprints: ContentFingerprintsRepository,
    @InjectQueue(SCREENING_QUEUE) private readonly queue: Queue,
  ) {
    super();
    queue.on('error', (error) => this.logger.debug(`queue connection: ${error.message}`));
  }

  /** Not awaited: a worker started while Redis is away must still start. */
  onApplicationBootstrap(): void {
    upsertSchedules(
      this.queue,
      [{ name: 'fingerprint-purge', every: PURGE_EVERY_MS }],
      this.logger,
    );
  }

  async process(): Promise<void> {
    while ((await this.fingerprints.purgePage(PURGE_PAGE)) === PURGE_PAGE) {
      // A full page: more may be left.
    }
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`worker connection: ${error.message}`);
  }
}
