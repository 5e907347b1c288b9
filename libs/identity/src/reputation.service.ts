import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Changes reputation inside the caller's transaction, in one UPDATE, so it stays exact. */
@Injectable()
export class ReputationService {
  /**
   * Locks members' rows in id order, inside the caller's transaction, before points move between
   * them: two transactions moving reputation between the same members then queue one behind the
   * other instead of each holding the row the other needs (a deadlock).
   */
  async lockMembers(manager: EntityManager, userIds: ReadonlyArray<string | null>): Promise<void> {
    const ids = [...new Set(userIds.filter((id): id is string => id !== null))].sort();
    if (ids.length < 2) return;
    await manager.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
      ids,
    ]);
  }

  /** Adds `points` (negative to withdraw) and `solutions` accepted solutions to a member. */
  async award(
    manager: EntityManager,
    userId: string,
    points: number,
    solutions = 0,
  ): Promise<void> {
    await manager.query(
      `UPDATE users SET reputation = reputation + $2,
              accepted_solution_count = accepted_solution_count + $3
        WHERE id = $1`,
      [userId, points, solutions],
    );
  }
}
