import { Injectable } from '@nestjs/common';
import { noteChange } from '../database/after-commit';
import { Tx } from '../database/transactions';
import { DomainEventMap, DomainEventType } from '../events/domain-event';
import { currentRequestId } from '../logging/request-context';
import { OutboxRepository } from './outbox.repository';

/**
 * Records domain events in the same transaction as the change that caused them, with the id of
 * the request being served, which the worker then logs with its handling of the event. Each
 * event also goes to this process's AfterCommit listeners once the transaction commits.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly outbox: OutboxRepository) {}

  /** Records `type` with `payload` through `tx`, which must be the caller's open transaction. */
  async record<K extends DomainEventType>(
    tx: Tx,
    type: K,
    payload: DomainEventMap[K],
  ): Promise<void> {
    if (!tx.queryRunner?.isTransactionActive) {
      throw new Error(`outbox event ${type} recorded outside a transaction`);
    }
    await this.outbox.append(type, payload, currentRequestId(), tx);
    noteChange(tx, { type, payload });
  }
}
