import { DomainEvent, DomainEventHandler, DomainEventHandlers } from '@app/core';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import {
  EXPORT_REQUESTED_EVENT,
  IDEA_EXPORTS_QUEUE,
  IdeaExportJob,
  ideaExportJob,
} from './idea-export-queue';

/**
 * Hands each requested export to the exports queue rather than writing it here: a long export
 * would hold one of the domain events' slots, and it wants its own retry policy.
 */
@Injectable()
export class ExportRequestedHandler
  implements DomainEventHandler<typeof EXPORT_REQUESTED_EVENT>, OnModuleInit
{
  private readonly logger = new Logger(ExportRequestedHandler.name);
  readonly handles = EXPORT_REQUESTED_EVENT;

  constructor(
    private readonly handlers: DomainEventHandlers,
    @InjectQueue(IDEA_EXPORTS_QUEUE) private readonly queue: Queue<IdeaExportJob>,
  ) {
    // Redis outages surface through the failed job and its retries; here they are only noise.
    queue.on('error', (error) => this.logger.debug(`queue connection: ${error.message}`));
  }

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(event: DomainEvent<typeof EXPORT_REQUESTED_EVENT>): Promise<void> {
    const job = ideaExportJob(event.payload.exportId);
    await this.queue.add(job.name, job.data, job.opts);
  }
}
