import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SAMPLE, SqlSnapshot } from '../database/sql-snapshot';
import { Tx } from '../database/transactions';

export interface ClientMutationKey {
  memberId: string;
  /** The mutation's name in the schema, e.g. `postAnswer`. */
  operation: string;
  key: string;
}

const SAMPLE_KEY: ClientMutationKey = {
  memberId: SAMPLE.UUID,
  operation: 'postAnswer',
  key: SAMPLE.TEXT,
};

/** Every statement on `client_mutations`. */
@Injectable()
export class ClientMutationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims the key for `resultId` in the caller's transaction. True when this transaction owns
   * it now; false when a committed one already does. A concurrent claim of the same key waits on
   * the primary key until the other transaction ends: it owns the key if that one rolled back.
   */
  @SqlSnapshot({ params: [SAMPLE_KEY, SAMPLE.UUID_2, SAMPLE.TX] })
  async claim(key: ClientMutationKey, resultId: string, tx: Tx): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO client_mutations (member_id, operation, key, result_id)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (member_id, operation, key) DO NOTHING
       RETURNING result_id`,
      [key.memberId, key.operation, key.key, resultId],
    );
    return rows.length === 1;
  }

  /** The first result under the key, as committed; null when there is none (any more). */
  @SqlSnapshot({ params: [SAMPLE_KEY, SAMPLE.TX] })
  async resultOf(key: ClientMutationKey, tx: Tx): Promise<string | null> {
    const [row]: Array<{ result_id: string }> = await tx.query(
      `SELECT result_id FROM client_mutations
        WHERE member_id = $1 AND operation = $2 AND key = $3`,
      [key.memberId, key.operation, key.key],
    );
    return row?.result_id ?? null;
  }

  /** Forgets keys claimed more than `hours` ago; returns how many. */
  async purgeOlderThan(hours: number): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM client_mutations WHERE created_at < now() - make_interval(hours => $1)`,
      [hours],
    );
    return count;
  }
}
