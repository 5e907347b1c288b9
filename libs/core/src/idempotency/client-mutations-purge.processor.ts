import { upsertSchedules } from '../jobs/job-schedules';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { CLIENT_MUTATION_RETENTION_HOURS } from './client-mutations';
import { ClientMutationsRepository } from './client-mutations.repository';

export const CLIENT_MUTATIONS_QUEUE = 'client-mutations-maintenance';
const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Forgets client mutation ids older than a day: a retry comes within seconds or minutes, and
 * a key reused after a day writes anew. The schedule exists once in Redis, so however many
 * workers run, each purge runs once.
 */
@Processor(CLIENT_MUTATIONS_QUEUE)
export class ClientMutationsPurgeProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ClientMutationsPurgeProcessor.name);

  constructor(
    private readonly repository: ClientMutationsRepository,
    @InjectQueue(CLIENT_MUTATIONS_QUEUE) private readonly queue: Queue,
  ) {
    super();
    queue.on('error', (error) => this.logger.debug(`queue connection: ${error.message}`));
  }

  /** Not awaited: a worker started while Redis is away must still start. */
  onApplicationBootstrap(): void {
    upsertSchedules(
      this.queue,
      [{ name: 'client-mutations-purge', every: PURGE_EVERY_MS }],
      this.logger,
    );
  }

  async process(): Promise<void> {
    await this.repository.purgeOlderThan(CLIENT_MUTATION_RETENTION_HOURS);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`worker connection: ${error.message}`);
  }
}
