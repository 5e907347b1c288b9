import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AfterCommit, CommittedChange } from './after-commit';

/**
 * The handle of an open transaction. Services pass it from `Transactions.run` to the repository
 * methods that must run inside it; only repositories issue statements through it.
 */
export type Tx = EntityManager;

/** Opens transactions for services, which hold the rules but never a connection. */
@Injectable()
export class Transactions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly afterCommit: AfterCommit,
  ) {}

  /**
   * Runs `work` in one READ COMMITTED transaction: committed if it resolves, rolled back if not.
   * Once committed, the changes noted through `tx` go to the AfterCommit listeners before this
   * resolves.
   */
  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const changes: CommittedChange[] = [];
    const result = await this.dataSource.transaction((tx) => {
      this.afterCommit.track(tx, changes);
      return work(tx);
    });
    await this.afterCommit.committed(changes);
    return result;
  }
}
