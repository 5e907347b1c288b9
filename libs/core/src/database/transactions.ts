import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The handle of an open transaction. Services pass it from `Transactions.run` to the repository
 * methods that must run inside it; only repositories issue statements through it.
 */
export type Tx = EntityManager;

/** Opens transactions for services, which hold the rules but never a connection. */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one READ COMMITTED transaction: committed if it resolves, rolled back if not. */
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
