import { Injectable } from '@nestjs/common';
import { DomainEventHandler, DomainEventType, isDomainEvent, RecordedEvent } from './domain-event';

/** The handlers each domain lib registers for the worker to run. */
@Injectable()
export class DomainEventHandlers {
  private readonly handlers: Array<(event: RecordedEvent) => Promise<void>> = [];

  /** Adds a handler of one event type; libs call this from onModuleInit. */
  register<K extends DomainEventType>(handler: DomainEventHandler<K>): void {
    this.handlers.push(async (event) => {
      if (isDomainEvent(event, handler.handles)) await handler.handle(event);
    });
  }

  /** Runs every handler of the event's type, in registration order. */
  async dispatch(event: RecordedEvent): Promise<void> {
    for (const handler of this.handlers) await handler(event);
  }
}
