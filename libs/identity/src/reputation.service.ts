import { Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { UsersRepository } from './users.repository';

/** Changes reputation inside the caller's transaction, in one UPDATE, so it stays exact. */
@Injectable()
export class ReputationService {
  constructor(private readonly users: UsersRepository) {}

  /**
   * Locks members' rows in id order, inside the caller's transaction, before points move between
   * them: two transactions moving reputation between the same members then queue one behind the
   * other instead of each holding the row the other needs (a deadlock).
   */
  async lockMembers(tx: Tx, userIds: ReadonlyArray<string | null>): Promise<void> {
    const ids = [...new Set(userIds.filter((id): id is string => id !== null))].sort();
    if (ids.length < 2) return;
    await this.users.lockInIdOrder(ids, tx);
  }

  /** A member's reputation (0 for no such member), read in `tx` when given. */
  async of(userId: string, tx?: Tx): Promise<number> {
    return (await this.users.reputationOf(userId, tx)) ?? 0;
  }

  /** Adds `points` (negative to withdraw) and `solutions` accepted solutions to a member. */
  award(tx: Tx, userId: string, points: number, solutions = 0): Promise<void> {
    return this.users.addReputation(userId, points, solutions, tx);
  }
}
