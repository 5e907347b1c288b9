import { upsertSchedules } from '@app/core';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { PasswordResetsRepository } from './password-reset/password-resets.repository';
import { SessionsRepository } from './sessions/sessions.repository';

export const IDENTITY_MAINTENANCE_QUEUE = 'identity-maintenance';
const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Forgets sessions past their expiry (every sign-in adds one, and no token can name an expired
 * one) and password resets a day past theirs. The schedule exists once in Redis, so however
 * many workers run, each purge runs once.
 */
@Processor(IDENTITY_MAINTENANCE_QUEUE)
export class IdentityMaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(IdentityMaintenanceProcessor.name);

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly resets: PasswordResetsRepository,
    @InjectQueue(IDENTITY_MAINTENANCE_QUEUE) private readonly queue: Queue,
  ) {
    super();
    queue.on('error', (error) => this.logger.debug(`queue connection: ${error.message}`));
  }

  /** Not awaited: a worker started while Redis is away must still start. */
  onApplicationBootstrap(): void {
    upsertSchedules(this.queue, [{ name: 'identity-purge', every: PURGE_EVERY_MS }], this.logger);
  }

  async process(): Promise<void> {
    await this.sessions.purgeExpired();
    await this.resets.purgeExpired();
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`worker connection: ${error.message}`);
  }
}
