import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Records domain events in the same transaction as the change that caused them. */
@Injectable()
export class OutboxService {
  /** Records `type` with `payload` through `manager`, which must be inside the caller's transaction. */
  async record(manager: EntityManager, type: string, payload: object): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`outbox event ${type} recorded outside a transaction`);
    }
    await manager.query('INSERT INTO outbox (type, payload) VALUES ($1, $2)', [
      type,
      JSON.stringify(payload),
    ]);
  }
}
