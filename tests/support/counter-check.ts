import { Client } from 'pg';

/** One counter whose stored value is not what its rows say. */
export interface CounterDifference {
  /** `table.column` of the stored counter, or the name of the rule for markers. */
  counter: string;
  /** The row holding it (its UUID). */
  id: string;
  stored: unknown;
  actual: unknown;
}

/** Anything that runs SQL on the platform's database: a TestApp, or a connected pg Client. */
export type SqlRunner =
  | { sql<T>(text: string, params?: unknown[]): Promise<T[]> }
  | Pick<Client, 'query'>;

/**
 * Every counter the schema keeps by hand, recomputed from the rows it counts. Each query returns
 * `id`, `stored` and `actual` for the rows where the two differ, and nothing when all is exact.
 */
export const COUNTER_QUERIES: Readonly<Record<string, string>> = {
  // Published questions and published ideas on the board.
  'boards.thread_count': `
    SELECT b.id, b.thread_count AS stored,
           (SELECT count(*) FROM threads t WHERE t.board_id = b.id AND t.content_status = 'PUBLISHED')
         + (SELECT count(*) FROM ideas i WHERE i.board_id = b.id AND i.content_status = 'PUBLISHED')
           AS actual
      FROM boards b`,

  // Published answers of the thread.
  'threads.answer_count': `
    SELECT t.id, t.answer_count AS stored,
           (SELECT count(*) FROM posts p WHERE p.thread_id = t.id AND p.status = 'PUBLISHED') AS actual
      FROM threads t`,

  // Kudos given to the post (they stay when the post leaves view).
  'posts.kudos_count': `
    SELECT p.id, p.kudos_count AS stored,
           (SELECT count(*) FROM kudos k WHERE k.post_id = p.id) AS actual
      FROM posts p`,

  // Accepted solutions the member wrote on someone else's thread (official answers earn none).
  'users.accepted_solution_count': `
    SELECT u.id, u.accepted_solution_count AS stored,
           (SELECT count(*) FROM threads t JOIN posts p ON p.id = t.accepted_post_id
             WHERE p.author_id = u.id AND t.author_id <> u.id AND NOT p.official) AS actual
      FROM users u`,

  // +10 per kudo received, +15 per accepted solution on someone else's thread; official answers
  // earn nothing.
  'users.reputation': `
    SELECT u.id, u.reputation AS stored,
           10 * (SELECT count(*) FROM kudos k JOIN posts p ON p.id = k.post_id
                  WHERE p.author_id = u.id AND NOT p.official)
         + 15 * (SELECT count(*) FROM threads t JOIN posts p ON p.id = t.accepted_post_id
                  WHERE p.author_id = u.id AND t.author_id <> u.id AND NOT p.official) AS actual
      FROM users u`,

  // A thread is SOLVED exactly when it holds an accepted post (LOCKED threads keep theirs).
  'threads.status SOLVED iff accepted_post_id': `
    SELECT t.id, t.status AS stored,
           CASE WHEN t.accepted_post_id IS NULL THEN 'OPEN' ELSE 'SOLVED' END AS actual
      FROM threads t
     WHERE t.status <> 'LOCKED'`,

  // Who accepted the solution is known exactly when there is one.
  'threads.accepted_by iff accepted_post_id': `
    SELECT t.id, t.accepted_by IS NOT NULL AS stored, t.accepted_post_id IS NOT NULL AS actual
      FROM threads t`,

  // The accepted post is an answer of this very thread, and not a deleted one.
  'threads.accepted_post_id is a live answer of the thread': `
    SELECT t.id, concat_ws('/', p.thread_id, p.status) AS stored,
           concat_ws('/', t.id, 'not DELETED') AS actual
      FROM threads t JOIN posts p ON p.id = t.accepted_post_id
     WHERE p.thread_id <> t.id OR p.status = 'DELETED'`,

  // Votes cast for the idea (the author's own included, merged-in voters once each).
  'ideas.vote_count': `
    SELECT i.id, i.vote_count AS stored,
           (SELECT count(*) FROM idea_votes v WHERE v.idea_id = i.id) AS actual
      FROM ideas i`,

  // The votes' weights (each the voter's segment weight when cast, re-weighed on a change).
  'ideas.weighted_vote_count': `
    SELECT i.id, i.weighted_vote_count AS stored,
           (SELECT coalesce(sum(v.weight), 0) FROM idea_votes v WHERE v.idea_id = i.id) AS actual
      FROM ideas i`,

  // Members in each care segment.
  'care_segments.member_count': `
    SELECT s.id, s.member_count AS stored,
           (SELECT count(*) FROM care_members m WHERE m.segment_id = s.id) AS actual
      FROM care_segments s`,

  // Each vote weighs at most 1 and decays from there, so the score stays within the votes. An
  // unvote takes back what its vote weighs now, a hair under the 1 it added, and the sweep clears
  // that residue within 15 minutes; a whole vote too many is a vote counted twice.
  'ideas.trending_score within [0, vote_count]': `
    SELECT i.id, i.trending_score AS stored,
           concat('0..', (SELECT count(*) FROM idea_votes v WHERE v.idea_id = i.id)) AS actual
      FROM ideas i
     WHERE i.trending_score < 0
        OR i.trending_score >= (SELECT count(*) FROM idea_votes v WHERE v.idea_id = i.id) + 1`,

  // Members who found the review helpful.
  'reviews.helpful_count': `
    SELECT r.id, r.helpful_count AS stored,
           (SELECT count(*) FROM review_helpful_marks m WHERE m.review_id = r.id) AS actual
      FROM reviews r`,

  // Published reviews of the product, their ratings summed, and per star.
  'products.rating_count': `
    SELECT p.id, p.rating_count AS stored,
           (SELECT count(*) FROM reviews r WHERE r.product_id = p.id AND r.status = 'PUBLISHED') AS actual
      FROM products p`,
  'products.rating_sum': `
    SELECT p.id, p.rating_sum AS stored,
           (SELECT coalesce(sum(r.rating), 0) FROM reviews r
             WHERE r.product_id = p.id AND r.status = 'PUBLISHED') AS actual
      FROM products p`,
  'products.rating_histogram': `
    SELECT p.id, array_to_string(p.rating_histogram, ',') AS stored,
           (SELECT string_agg(
                     (SELECT count(*) FROM reviews r
                       WHERE r.product_id = p.id AND r.status = 'PUBLISHED' AND r.rating = star)::text,
                     ',' ORDER BY star)
              FROM generate_series(1, 5) AS star) AS actual
      FROM products p`,

  // The flags piled onto a review item: how many, their weight, and the weight that hides.
  'review_items.flag_count': `
    SELECT ri.id, ri.flag_count AS stored,
           (SELECT count(*) FROM flags f WHERE f.review_item_id = ri.id) AS actual
      FROM review_items ri`,
  'review_items.flag_weight': `
    SELECT ri.id, ri.flag_weight AS stored,
           (SELECT coalesce(sum(f.weight), 0) FROM flags f WHERE f.review_item_id = ri.id) AS actual
      FROM review_items ri`,
  'review_items.hide_weight': `
    SELECT ri.id, ri.hide_weight AS stored,
           (SELECT coalesce(sum(f.weight), 0) FROM flags f
             WHERE f.review_item_id = ri.id AND f.reason <> 'INCORRECT_ADVICE') AS actual
      FROM review_items ri`,
  // Every flag's reason is among the item's reasons (automod items add their own).
  'review_items.reasons hold every flag reason': `
    SELECT ri.id, array_to_string(ri.reasons, ',') AS stored,
           (SELECT string_agg(DISTINCT f.reason, ',') FROM flags f WHERE f.review_item_id = ri.id)
             AS actual
      FROM review_items ri
     WHERE NOT (SELECT coalesce(array_agg(f.reason), '{}') FROM flags f WHERE f.review_item_id = ri.id)
               <@ ri.reasons`,
};

async function run(db: SqlRunner, text: string): Promise<Array<Record<string, unknown>>> {
  if ('sql' in db) return db.sql<Record<string, unknown>>(text);
  return (await db.query(text)).rows as Array<Record<string, unknown>>;
}

/** Normalizes numbers that Postgres returns as strings (bigint, numeric) for comparison. */
function comparable(value: unknown): unknown {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

/**
 * Recomputes every counter from its rows and lists where the stored value differs; an empty list
 * means every counter is exact. Run it once nothing is writing (after the requests settled).
 */
export async function checkCounters(db: SqlRunner): Promise<CounterDifference[]> {
  const differences: CounterDifference[] = [];
  for (const [counter, query] of Object.entries(COUNTER_QUERIES)) {
    for (const row of await run(db, query)) {
      const stored = comparable(row.stored);
      const actual = comparable(row.actual);
      if (stored !== actual) {
        differences.push({ counter, id: String(row.id), stored, actual });
      }
    }
  }
  return differences;
}
