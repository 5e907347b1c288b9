import { Injectable } from '@nestjs/common';
import { DomainEvent, DomainEventHandler } from './domain-event';

/** The handlers each domain lib registers for the worker to run. */
@Injectable()
export class DomainEventHandlers {
  private readonly handlers: DomainEventHandler[] = [];

  /** Adds a handler; libs call this from onModuleInit. */
  register(handler: DomainEventHandler): void {
    this.handlers.push(handler);
  }

  /** Runs every handler of the event's type, in registration order. */
  async dispatch(event: DomainEvent): Promise<void> {
    for (const handler of this.handlers) {
      if (handler.handles.includes(event.type)) await handler.handle(event);
    }
  }
}
