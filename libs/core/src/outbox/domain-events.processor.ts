import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { DOMAIN_EVENTS_QUEUE, DomainEvent } from '../events/domain-event';
import { DomainEventHandlers } from '../events/domain-event-handlers';

/** Runs the registered handlers for each relayed event; a failure retries the job with backoff. */
@Processor(DOMAIN_EVENTS_QUEUE, { concurrency: 8 })
export class DomainEventsProcessor extends WorkerHost {
  constructor(private readonly handlers: DomainEventHandlers) {
    super();
  }

  async process(job: Job<DomainEvent>): Promise<void> {
    await this.handlers.dispatch(job.data);
  }
}
