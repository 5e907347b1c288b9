import { Injectable, Logger } from '@nestjs/common';
import type { Tx } from './transactions';

/**
 * A change that a transaction made, known once it has committed: every event recorded in the
 * outbox, and the changes noted for this process's readers only (which no other process needs
 * to hear about, so no outbox row is written for them).
 */
export interface CommittedChange {
  type: string;
  payload: object;
}

/** Told of the changes of each committed transaction; its failure never fails the write. */
export type CommitListener = (changes: readonly CommittedChange[]) => Promise<void>;

/** The changes of the transactions `Transactions.run` has open, by their handle. */
const pending = new WeakMap<Tx, CommittedChange[]>();

/**
 * Notes a change made through `tx`, for the AfterCommit listeners once it commits. A handle that
 * `Transactions.run` did not open (a test's stand-in) is ignored.
 */
export function noteChange(tx: Tx, change: CommittedChange): void {
  pending.get(tx)?.push(change);
}

/**
 * Hands the changes of a `Transactions.run` to the listeners of this process right after its
 * commit, before the write answers: what reads them (the response cache) is up to date as soon
 * as the writer is. A transaction that rolls back tells nobody.
 */
@Injectable()
export class AfterCommit {
  private readonly logger = new Logger(AfterCommit.name);
  private readonly listeners: CommitListener[] = [];

  /** Adds a listener for every later commit of this process. */
  listen(listener: CommitListener): void {
    this.listeners.push(listener);
  }

  /** Starts collecting the changes noted through `tx` into `changes`. */
  track(tx: Tx, changes: CommittedChange[]): void {
    pending.set(tx, changes);
  }

  /** Tells every listener of `changes`, which have committed. */
  async committed(changes: readonly CommittedChange[]): Promise<void> {
    if (changes.length === 0) return;
    await Promise.all(
      this.listeners.map((listener) =>
        listener(changes).catch((error: unknown) =>
          this.logger.warn({ err: error }, 'a listener of committed changes failed'),
        ),
      ),
    );
  }
}
