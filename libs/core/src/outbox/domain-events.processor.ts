import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { queueStalledIntervalMs } from '../config/config';
import { DOMAIN_EVENTS_QUEUE, DomainEvent } from '../events/domain-event';
import { DomainEventHandlers } from '../events/domain-event-handlers';

/**
 * Runs the registered handlers for each relayed event; a failure retries the job with backoff.
 * A job whose worker died keeps its lock for the stalled interval, then another worker runs it.
 */
@Processor(DOMAIN_EVENTS_QUEUE, {
  concurrency: 8,
  lockDuration: queueStalledIntervalMs(),
  stalledInterval: queueStalledIntervalMs(),
})
export class DomainEventsProcessor extends WorkerHost {
  private readonly logger = new Logger(DomainEventsProcessor.name);

  constructor(private readonly handlers: DomainEventHandlers) {
    super();
  }

  async process(job: Job<DomainEvent>): Promise<void> {
    await this.handlers.dispatch(job.data);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<DomainEvent> | undefined, error: Error): void {
    this.logger.warn(`event ${job?.data.type} #${job?.data.id} failed: ${error.message}`);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`worker connection: ${error.message}`);
  }
}
