/** A fact recorded in the outbox and delivered to the worker's handlers at least once. */
export interface DomainEvent<Payload = unknown> {
  /** The outbox row id: the idempotency key of every handler. */
  id: string;
  type: string;
  payload: Payload;
  occurredAt: string;
  /** The request that recorded it, for the logs; absent for events recorded by the worker itself. */
  requestId?: string;
}

/** Reacts to some event types. Must be idempotent: a retried job calls it again. */
export interface DomainEventHandler {
  readonly handles: readonly string[];
  handle(event: DomainEvent): Promise<void>;
}

export const DOMAIN_EVENTS_QUEUE = 'domain-events';
