import { Client } from 'pg';

/** A kept counter beside the rows it counts. */
export interface CounterCheck {
  name: string;
  counter: number;
  rows: number;
}

/** The counters the write scenarios move, each beside a count of its rows. */
export async function counterChecks(
  databaseUrl: string,
  targets: { answerId: string; ideaId: string },
): Promise<CounterCheck[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const one = async (name: string, sql: string, params: unknown[]): Promise<CounterCheck> => {
      const { rows } = await db.query<{ counter: number; rows: number }>(sql, params);
      return { name, counter: rows[0].counter, rows: rows[0].rows };
    };
    return [
      await one(
        'hot answer: kudosCount = kudos rows',
        `SELECT kudos_count AS counter,
                (SELECT count(*)::int FROM kudos WHERE post_id = $1) AS rows
           FROM posts WHERE id = $1`,
        [targets.answerId],
      ),
      await one(
        'voted idea: voteCount = vote rows',
        `SELECT vote_count AS counter,
                (SELECT count(*)::int FROM idea_votes WHERE idea_id = $1) AS rows
           FROM ideas WHERE id = $1`,
        [targets.ideaId],
      ),
      // Every thread at once: postAnswer spreads over many.
      await one(
        'threads whose answerCount ≠ their published answers (of all threads)',
        `SELECT count(*)::int AS counter, count(*)::int AS rows FROM threads t
           LEFT JOIN (SELECT thread_id, count(*)::int AS n FROM posts
                       WHERE status = 'PUBLISHED' GROUP BY thread_id) p ON p.thread_id = t.id
          WHERE t.answer_count <> coalesce(p.n, 0)`,
        [],
      ),
    ];
  } finally {
    await db.end();
  }
}

/** A check before and after the writes: exact when the writes kept the counter to its rows. */
export interface CountVerdict {
  name: string;
  before: CounterCheck;
  after: CounterCheck;
  exact: boolean;
}

/**
 * Compares the checks taken before and after the write scenarios: a counter is exact when the
 * writes moved it exactly as far as its rows (so any gap the dataset brought along is not
 * counted against them), and no thread's answer count may have drifted from its answers.
 */
export function countVerdicts(before: CounterCheck[], after: CounterCheck[]): CountVerdict[] {
  return after.map((check, i) => {
    const earlier = before[i];
    const exact = check.name.startsWith('threads')
      ? check.counter <= earlier.counter
      : check.counter - check.rows === earlier.counter - earlier.rows;
    return { name: check.name, before: earlier, after: check, exact };
  });
}
