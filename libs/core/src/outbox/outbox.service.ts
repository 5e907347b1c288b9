import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEventMap, DomainEventType } from '../events/domain-event';
import { currentRequestId } from '../logging/request-context';

/**
 * Records domain events in the same transaction as the change that caused them, with the id of
 * the request being served, which the worker then logs with its handling of the event.
 */
@Injectable()
export class OutboxService {
  /** Records `type` with `payload` through `manager`, which must be inside the caller's transaction. */
  async record<K extends DomainEventType>(
    manager: EntityManager,
    type: K,
    payload: DomainEventMap[K],
  ): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`outbox event ${type} recorded outside a transaction`);
    }
    await manager.query('INSERT INTO outbox (type, payload, request_id) VALUES ($1, $2, $3)', [
      type,
      JSON.stringify(payload),
      currentRequestId(),
    ]);
  }
}
