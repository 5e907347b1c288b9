import { Module } from '@nestjs/common';
import { DomainEventsProcessor } from './domain-events.processor';
import { OutboxRelay } from './outbox-relay';
import { QueueModule } from './queue.module';

/** The worker side of the outbox: the relay to BullMQ and the processor that runs handlers. */
@Module({
  imports: [QueueModule],
  providers: [OutboxRelay, DomainEventsProcessor],
  exports: [OutboxRelay],
})
export class OutboxRelayModule {}
