import { Client } from 'pg';
import { SEARCH_WORDS } from './vocabulary';

/** What the scenarios aim at in a generated community, as UUIDs. */
export interface DatasetTargets {
  /** The viral thread: the most answers by far, activity up to the load. */
  hotThreadId: string;
  /** Its accepted solution, the answer with the most kudos. */
  hotAnswerId: string;
  /** The idea with the most votes (every member's at medium and large), open for votes. */
  hotIdeaId: string;
  /** In a handful of answers; in about a quarter of the threads; in every answer. */
  words: { rare: string; common: string; everyAnswer: string };
  /** The moderation queue: its pending items, and who may read it. */
  moderation: { pendingItems: number; moderatorEmail: string };
  /** Members to sign in as (password "bench-password" in the bench). */
  accounts: { member: string; agent: string; moderator: string; productManager: string };
}

/** Reads the targets back from a database `seedDataset` filled. */
export async function hotTargets(databaseUrl: string): Promise<DatasetTargets> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => {
      const { rows } = await db.query<{ value: T }>(sql, params);
      if (!rows[0]) throw new Error(`the dataset has no row for: ${sql}`);
      return rows[0].value;
    };
    const hotThreadId = await one<string>(
      `SELECT id AS value FROM threads ORDER BY answer_count DESC, id LIMIT 1`,
    );
    const hotAnswerId = await one<string>(
      `SELECT accepted_post_id AS value FROM threads WHERE id = $1`,
      [hotThreadId],
    );
    const hotIdeaId = await one<string>(
      `SELECT id AS value FROM ideas ORDER BY vote_count DESC, id DESC LIMIT 1`,
    );
    const pendingItems = await one<number>(
      `SELECT count(*)::int AS value FROM review_items WHERE status = 'PENDING'`,
    );
    return {
      hotThreadId,
      hotAnswerId,
      hotIdeaId,
      words: { ...SEARCH_WORDS },
      moderation: { pendingItems, moderatorEmail: 'member3@bench.local' },
      accounts: {
        member: 'member1@bench.local',
        agent: 'member2@bench.local',
        moderator: 'member3@bench.local',
        productManager: 'member4@bench.local',
      },
    };
  } finally {
    await db.end();
  }
}
