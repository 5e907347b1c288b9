import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

/**
 * Waits until the writes a scenario left in flight are done: when the load generator stops, the
 * API still answers the requests it had taken. Done is when the rows the write scenarios add
 * (kudos of the answer, votes of the idea, answers of the threads) have not moved for a
 * little while, or after 30 s.
 */
export async function settledWrites(
  databaseUrl: string,
  targets: { answerId: string; ideaId: string; threadIds: string[] },
): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const reading = async () =>
      JSON.stringify(
        (
          await db.query(
            `SELECT (SELECT count(*) FROM kudos WHERE post_id = $1) AS kudos,
                    (SELECT count(*) FROM idea_votes WHERE idea_id = $2) AS votes,
                    (SELECT count(*) FROM posts WHERE thread_id = ANY($3::uuid[])) AS answers`,
            [targets.answerId, targets.ideaId, targets.threadIds],
          )
        ).rows[0],
      );
    const deadline = Date.now() + 30_000;
    let last = await reading();
    let unchanged = 0;
    while (unchanged < 3 && Date.now() < deadline) {
      await sleep(200);
      const now = await reading();
      unchanged = now === last ? unchanged + 1 : 0;
      last = now;
    }
  } finally {
    await db.end();
  }
}
