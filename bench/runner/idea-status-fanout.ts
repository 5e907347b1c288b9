import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { SET_IDEA_STATUS } from './documents';
import { graphql } from './graphql';

/** How a status change on the hot idea went: the answer's time and the fan-out's. */
export interface StatusChangeResult {
  voters: number;
  /** Voters, author and followers, each once: whom the worker must notify. */
  audience: number;
  answerMs: number;
  notified: number;
  /** From the change until the last notification was written; null past the limit. */
  allNotifiedMs: number | null;
}

const FAN_OUT_LIMIT_MS = 60_000;

/**
 * Changes the hot idea's status as a product manager, times the answer, then counts its
 * IDEA_STATUS_CHANGED notifications in the database until every member of its audience has one
 * (or the 60 s the target allows have passed).
 */
export async function measureStatusChange(
  apiOrigin: string,
  databaseUrl: string,
  productManagerToken: string,
  idea: { id: string; globalId: string },
): Promise<StatusChangeResult> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ voters: number; audience: number; status: string }>(
      `SELECT (SELECT count(*)::int FROM idea_votes WHERE idea_id = $1) AS voters,
              (SELECT count(*)::int FROM (
                 SELECT user_id FROM idea_votes WHERE idea_id = $1
                 UNION SELECT author_id FROM ideas WHERE id = $1
                 UNION SELECT user_id FROM idea_subscriptions WHERE idea_id = $1) a) AS audience,
              (SELECT status FROM ideas WHERE id = $1) AS status`,
      [idea.id],
    );
    const { voters, audience, status } = rows[0];
    const notifiedSql = `SELECT count(*)::int AS n FROM notifications
                          WHERE kind = 'IDEA_STATUS_CHANGED' AND subject_id = $1`;
    const already = (await db.query<{ n: number }>(notifiedSql, [idea.id])).rows[0].n;
    const started = performance.now();
    await graphql(
      apiOrigin,
      SET_IDEA_STATUS,
      {
        input: {
          ideaId: idea.globalId,
          status: status === 'UNDER_REVIEW' ? 'PLANNED' : 'UNDER_REVIEW',
          note: 'The bench looks at it',
        },
      },
      productManagerToken,
    );
    const answerMs = performance.now() - started;
    let notified = 0;
    let allNotifiedMs: number | null = null;
    while (performance.now() - started < FAN_OUT_LIMIT_MS) {
      notified = (await db.query<{ n: number }>(notifiedSql, [idea.id])).rows[0].n - already;
      if (notified >= audience) {
        allNotifiedMs = performance.now() - started;
        break;
      }
      // Each count scans the notifications of the idea: often enough, without crowding the fan-out.
      await sleep(250);
    }
    return {
      voters,
      audience,
      answerMs: Math.round(answerMs),
      notified,
      allNotifiedMs: allNotifiedMs === null ? null : Math.round(allNotifiedMs),
    };
  } finally {
    await db.end();
  }
}
