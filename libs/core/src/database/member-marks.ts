import { EntityManager } from 'typeorm';

/**
 * A table of marks that a member gives a target at most once (kudos on a post, a vote on an
 * idea, a helpful mark on a review), with a counter on the target kept equal to the number of
 * marks. Each change is one statement: the counter moves only when the row really was inserted
 * or deleted, so repeats and races never count twice.
 */
export interface MemberMarksSpec {
  /** The marks table, with a unique key on (targetColumn, user_id). */
  table: string;
  targetColumn: string;
  /** The target's table and the counter column in it. */
  targets: string;
  counter: string;
  /** More assignments on the target when a mark is added (e.g. a trending score). */
  alsoOnAdd?: string;
  /** When a mark is removed: what to read from the removed row, and the assignments using it. */
  alsoOnRemove?: { returning: string; set: string };
}

export class MemberMarks {
  constructor(private readonly spec: MemberMarksSpec) {}

  /** Adds the member's mark; false when it was already there (nothing changed). */
  async add(db: EntityManager, targetId: string, userId: string): Promise<boolean> {
    const { table, targetColumn, targets, counter, alsoOnAdd } = this.spec;
    const rows: unknown[] = await db.query(
      `WITH added AS (
         INSERT INTO ${table} (${targetColumn}, user_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING ${targetColumn} AS target_id
       )
       UPDATE ${targets} SET ${counter} = ${counter} + 1${alsoOnAdd ? `, ${alsoOnAdd}` : ''}
        WHERE id IN (SELECT target_id FROM added)
       RETURNING id`,
      [targetId, userId],
    );
    return changed(rows);
  }

  /** Removes the member's mark; false when there was none (nothing changed). */
  async remove(db: EntityManager, targetId: string, userId: string): Promise<boolean> {
    const { table, targetColumn, targets, counter, alsoOnRemove } = this.spec;
    const rows: unknown[] = await db.query(
      `WITH removed AS (
         DELETE FROM ${table} WHERE ${targetColumn} = $1 AND user_id = $2
         RETURNING ${targetColumn} AS target_id${alsoOnRemove ? `, ${alsoOnRemove.returning}` : ''}
       )
       UPDATE ${targets} t SET ${counter} = ${counter} - 1${alsoOnRemove ? `, ${alsoOnRemove.set}` : ''}
         FROM removed
        WHERE t.id = removed.target_id
       RETURNING t.id`,
      [targetId, userId],
    );
    return changed(rows);
  }

  /** For each target, whether the member has marked it (in the order of `targetIds`). */
  async markedAmong(
    db: EntityManager,
    userId: string,
    targetIds: readonly string[],
  ): Promise<boolean[]> {
    const { table, targetColumn } = this.spec;
    const rows: Array<{ target_id: string }> = await db.query(
      `SELECT ${targetColumn} AS target_id FROM ${table}
        WHERE user_id = $1 AND ${targetColumn} = ANY($2::uuid[])`,
      [userId, targetIds],
    );
    const marked = new Set(rows.map((row) => row.target_id));
    return targetIds.map((id) => marked.has(id));
  }

  /**
   * One page of the members who marked the target, in id order after `afterUserId`, for
   * fan-outs that must not load them all at once.
   */
  async markerPage(
    db: EntityManager,
    targetId: string,
    afterUserId: string,
    limit: number,
  ): Promise<string[]> {
    const { table, targetColumn } = this.spec;
    const rows: Array<{ user_id: string }> = await db.query(
      `SELECT user_id FROM ${table} WHERE ${targetColumn} = $1 AND user_id > $2
        ORDER BY user_id LIMIT $3`,
      [targetId, afterUserId, limit],
    );
    return rows.map((row) => row.user_id);
  }
}

/**
 * TypeORM hands back an UPDATE … RETURNING as [rows, affected count]; anything else as rows.
 */
function changed(result: unknown[]): boolean {
  const rows = Array.isArray(result[0]) ? (result[0] as unknown[]) : result;
  return rows.length > 0;
}
