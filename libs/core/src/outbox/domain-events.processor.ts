import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { queueStalledIntervalMs } from '../config/config';
import { DOMAIN_EVENTS_QUEUE, RecordedEvent } from '../events/domain-event';
import { DomainEventHandlers } from '../events/domain-event-handlers';
import { withLogContext } from '../logging/request-context';

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

  /**
   * Every line logged while handling the event names it and carries the id of the request that
   * recorded it, so one grep follows a request from the API into the worker.
   */
  async process(job: Job<RecordedEvent>): Promise<void> {
    const event = job.data;
    await withLogContext(
      event.requestId ?? null,
      { eventId: event.id, eventType: event.type },
      async () => {
        const started = performance.now();
        await this.handlers.dispatch(event);
        const durationMs = Math.round(performance.now() - started);
        this.logger.log({ attempt: job.attemptsMade + 1, durationMs }, `handled ${event.type}`);
      },
    );
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<RecordedEvent> | undefined, error: Error): void {
    this.logger.warn(
      { requestId: job?.data.requestId, eventId: job?.data.id, eventType: job?.data.type },
      `event ${job?.data.type} #${job?.data.id} failed: ${error.message}`,
    );
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`worker connection: ${error.message}`);
  }
}
