import { Client } from 'pg';

/**
 * Runs `tasks` over `lanes` connections at once, each lane taking the next task when it is
 * free, and sums what they return: with the biggest tasks first, the lanes finish together.
 * Every connection is prepared with `setup` (the session settings of a bulk load).
 */
export async function inLanes<T>(
  databaseUrl: string,
  lanes: number,
  setup: readonly string[],
  tasks: readonly T[],
  run: (db: Client, task: T) => Promise<number>,
): Promise<number> {
  let next = 0;
  let total = 0;
  const lane = async (): Promise<void> => {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      for (const statement of setup) await db.query(statement);
      while (next < tasks.length) {
        // Not `total += await …`: that would read the total before the wait and lose the other
        // lane's rows.
        const written = await run(db, tasks[next++]);
        total += written;
      }
    } finally {
      await db.end();
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return total;
}
