import { Module } from '@nestjs/common';
import { DomainEventsProcessor } from './domain-events.processor';
import { OutboxMetrics } from './outbox-metrics';
import { OutboxRelay } from './outbox-relay';
import { QueueModule } from './queue.module';

/**
 * The worker side of the outbox: the relay to BullMQ, the processor that runs handlers, and the
 * backlog gauges (here, beside the relay, rather than on every API instance as well).
 */
@Module({
  imports: [QueueModule],
  providers: [OutboxRelay, DomainEventsProcessor, OutboxMetrics],
  exports: [OutboxRelay],
})
export class OutboxRelayModule {}
