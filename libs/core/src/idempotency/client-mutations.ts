import { Injectable } from '@nestjs/common';
import { Tx } from '../database/transactions';
import { clientMutationKey } from './client-mutation-id';
import { ClientMutationsRepository } from './client-mutations.repository';

/** How long a key is remembered; the worker forgets older ones. */
export const CLIENT_MUTATION_RETENTION_HOURS = 24;

/** A claim lost to a key that vanished before it could be read (purged) is tried again. */
const MAX_ATTEMPTS = 3;

export interface ClientMutation {
  memberId: string;
  /** The mutation's name in the schema, e.g. `postAnswer`. */
  operation: string;
  /** The client's idempotency key, as sent (validated here); none: the write just runs. */
  key: string | null | undefined;
}

/**
 * Client mutation ids: a write that creates content runs once per member, operation and key.
 * The key is claimed in the content's own transaction, so a committed write always has its key
 * and a rolled-back one never does; a retry, however it races the first, gets the first result.
 */
@Injectable()
export class ClientMutations {
  constructor(private readonly repository: ClientMutationsRepository) {}

  /**
   * Runs `write(resultId)`, which creates the content with that id, in the caller's transaction
   * `tx` and returns `resultId`; unless the key already names a result: then nothing is
   * written and the first result's id is returned instead. Call it first in the transaction, so
   * that a concurrent retry waits on the key before doing any work.
   */
  async once(
    tx: Tx,
    mutation: ClientMutation,
    resultId: string,
    write: (resultId: string) => Promise<void>,
  ): Promise<string> {
    if (!tx.queryRunner?.isTransactionActive) {
      throw new Error(`client mutation ${mutation.operation} run outside a transaction`);
    }
    const key = clientMutationKey(mutation.key);
    if (key === null) {
      await write(resultId);
      return resultId;
    }
    const claim = { memberId: mutation.memberId, operation: mutation.operation, key };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (await this.repository.claim(claim, resultId, tx)) {
        await write(resultId);
        return resultId;
      }
      const first = await this.repository.resultOf(claim, tx);
      if (first) return first;
    }
    throw new Error(`client mutation ${mutation.operation}: the key could not be claimed`);
  }
}
