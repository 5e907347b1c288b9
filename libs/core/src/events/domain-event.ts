/**
 * Every event name mapped to its payload. Core declares it empty and each lib adds its own
 * events to it in its *.events.ts (`declare module '@app/core' { interface DomainEventMap … }`),
 * so `OutboxService.record` and every handler are typed from one place without core importing
 * the libs: a renamed payload field fails to compile where it is recorded and where it is handled.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEventMap {}

/** The name of an event some lib declared in {@link DomainEventMap}. */
export type DomainEventType = keyof DomainEventMap;

/** An event as the worker receives it from the queue, before it is matched to a handler. */
export interface RecordedEvent {
  /** The outbox row id: the idempotency key of every handler. */
  id: string;
  type: string;
  payload: unknown;
  occurredAt: string;
  /** The request that recorded it, for the logs; absent for events recorded by the worker itself. */
  requestId?: string;
}

/** A fact recorded in the outbox and delivered to the worker's handlers at least once. */
export interface DomainEvent<K extends DomainEventType> extends RecordedEvent {
  type: K;
  payload: DomainEventMap[K];
}

/**
 * Reacts to one event type; a consumer of several events registers one handler for each.
 * Must be idempotent: a retried job calls it again.
 */
export interface DomainEventHandler<K extends DomainEventType> {
  readonly handles: K;
  handle(event: DomainEvent<K>): Promise<void>;
}

/**
 * Whether `event` is of `type`. Its payload is then the one the map gives: `record` is the only
 * writer of the outbox and takes the payload of the type it records.
 */
export function isDomainEvent<K extends DomainEventType>(
  event: RecordedEvent,
  type: K,
): event is DomainEvent<K> {
  return event.type === type;
}

export const DOMAIN_EVENTS_QUEUE = 'domain-events';
