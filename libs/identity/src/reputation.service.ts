import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Changes reputation inside the caller's transaction, in one UPDATE, so it stays exact. */
@Injectable()
export class ReputationService {
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
