import { checkCounters, CounterDifference } from '../support/counter-check';
import { FaultPlatform, until } from '../support/fault-services';
import { Traffic } from './traffic';

/** What the database says once the traffic has stopped and the worker has caught up. */
export interface FinalCheck {
  counterDifferences: CounterDifference[];
  /** Idempotency keys written more than once. */
  duplicateWrites: string[];
  /** Acknowledged writes whose row is missing. */
  missingWrites: string[];
  /** Answers whose asker got no NEW_ANSWER notification, or more than one. */
  answersNotNotifiedOnce: number;
  outboxPending: number;
}

const KEY = `substring(body from 'key ([0-9a-f-]{36})')`;

/**
 * Waits for the outbox and the notifications to catch up (the worker was killed and Redis was
 * away during the soak), then recomputes every counter and checks each write happened once.
 */
export async function finalCheck(platform: FaultPlatform, traffic: Traffic): Promise<FinalCheck> {
  const pending = async (): Promise<number> =>
    (
      await platform.sql<{ count: number }>(
        'SELECT count(*)::int AS count FROM outbox WHERE dispatched_at IS NULL',
      )
    )[0].count;
  const notNotifiedOnce = async (): Promise<number> =>
    (
      await platform.sql<{ count: number }>(
        `SELECT count(*)::int AS count FROM (
           SELECT p.id
             FROM posts p
             JOIN threads t ON t.id = p.thread_id
             LEFT JOIN notifications n
               ON n.kind = 'NEW_ANSWER' AND n.subject_id = p.id AND n.recipient_id = t.author_id
            WHERE p.author_id <> t.author_id
            GROUP BY p.id
           HAVING count(n.id) <> 1) AS wrong`,
      )
    )[0].count;
  await until('the outbox drains', async () => (await pending()) === 0, 120000, 500).catch(
    () => undefined,
  );
  await until(
    'every answer is notified once',
    async () => (await notNotifiedOnce()) === 0,
    120000,
    500,
  ).catch(() => undefined);

  const answers = await platform.sql<{ key: string; count: number }>(
    `SELECT ${KEY} AS key, count(*)::int AS count FROM posts WHERE body LIKE 'A soak answer, key %' GROUP BY 1`,
  );
  const questions = await platform.sql<{ key: string; count: number }>(
    `SELECT substring(title from '([0-9a-f-]{36})$') AS key, count(*)::int AS count
       FROM threads WHERE title LIKE 'A soak question %' GROUP BY 1`,
  );
  const written = new Map([...answers, ...questions].map((row) => [row.key, row.count]));
  const acknowledged = [...traffic.acknowledged.answers, ...traffic.acknowledged.questions];
  return {
    counterDifferences: await checkCounters(platform),
    duplicateWrites: [...written].filter(([, count]) => count > 1).map(([key]) => key),
    missingWrites: acknowledged.filter((key) => !written.has(key)),
    answersNotNotifiedOnce: await notNotifiedOnce(),
    outboxPending: await pending(),
  };
}
