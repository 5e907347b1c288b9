// The SQL of full-text search over the forum, built apart from its execution
// (ThreadSearchRepository runs it) so that each statement is a pure function of its inputs. They
// read the generated search_vector columns through the partial GIN indexes of the Search
// migration, and the newest rows through threads_newest_idx and posts_published_newest_idx (the
// SearchCandidates migration), whose `PUBLISHED` predicates are repeated here so that they apply.
// No statement here walks the title trigram index any more; trigram similarity is computed on
// the bounded set of the newest titles only.
import { PageDirection, seek, SUGGESTION_CANDIDATES, titleWordsQuerySql } from '@app/core';

/** What to search: the checked text and an optional board (a UUID). */
export interface ThreadTextQuery {
  text: string;
  boardId: string | null;
}

/** Where a page of hits ends: the score as Postgres printed it (exact) and the thread id. */
export interface HitBoundary {
  score: string;
  threadId: string;
}

/**
 * How an excerpt is marked, chosen by the caller that turns it into HTML: ts_headline's options
 * (its StartSel and StopSel), and the arguments of the `translate(text, from, to)` applied to the
 * quoted text before ts_headline reads it (characters of `from` beyond the length of `to` are
 * deleted).
 */
export interface ExcerptFormat {
  headlineOptions: string;
  translateFrom: string;
  translateTo: string;
}

/** A statement and its positional parameters. */
export interface Statement {
  text: string;
  values: unknown[];
}

/** Positional parameters of one statement; `add` returns the placeholder of a value. */
class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

// Plain words, quoted phrases, `or` and `-word`: websearch_to_tsquery accepts any text without
// a syntax error, and with a bound value it is folded to a constant at plan time.
const TSQUERY = `websearch_to_tsquery('english', $1)`;

// A query with nothing to look up in an index (only `-word`s) would rank every row: it finds
// nothing instead. querytree() is immutable, so this is a one-time filter at plan time.
const INDEXABLE = `querytree(${TSQUERY}) <> 'T'`;

// ts_rank weights for {D, C, B, A}: the title is A, the question's body B; answers are unweighted
// (D) and count as much as C, below the question's own words.
const ANSWER_WEIGHTS = `'{0.2, 0.2, 0.4, 1.0}'`;

// A solved thread's matches score half as much again: readers want the answered question, but a
// match in a solved thread's answer still ranks below one in an open thread's title or question.
const SOLVED_BOOST = `CASE WHEN status = 'SOLVED' THEN 1.5 ELSE 1 END`;

/**
 * How many matching threads, and how many matching answers, one search ranks, the newest ones
 * first (see `candidates`). Ranking every match would grow with the data (a word in every answer
 * is a million rows to rank at a million posts); a bounded set keeps a search's cost flat. The
 * best of these come first and the cursor pages through them all; matches beyond the bound are
 * not found, and totalCount counts the threads these hold.
 */
export const SEARCH_CANDIDATES = 500;

/**
 * How many of the newest threads, and of the newest answers, are read first for matches. Where a
 * word is common they hold the candidates, found in the order of a newest-first btree index
 * without reading the word's whole GIN posting list; where it is rare the GIN index finds the
 * rest. The size balances the two: a rare word costs this many rows read, a word just too rare
 * to fill the bound here costs its posting list.
 */
export const SEARCH_WINDOW = 5000;

/**
 * The candidates, as CTEs ending in `matches` (thread_id, post_id, score): of the published
 * threads, and of the published answers of published threads, the matches among the
 * SEARCH_WINDOW newest, newest first; and when those are fewer than SEARCH_CANDIDATES, other
 * matches from the GIN index, in its order, up to that bound (under the LIMIT, UNION ALL never
 * starts its second branch once the first fills it). Each branch is bounded by the shape of its
 * plan rather than by the planner's guess of how common a word is, which for a word it has no
 * statistics of can be far off. Scores are computed for candidates only, rounded to numeric so
 * that a cursor can carry them exactly. Binds the text first, as the $1 that TSQUERY refers to.
 */
function candidates(query: ThreadTextQuery, params: Params): string {
  params.add(query.text);
  const board = query.boardId ? `AND t.board_id = ${params.add(query.boardId)}::uuid` : '';
  const matching = `@@ ${TSQUERY} AND ${INDEXABLE}`;
  // An answer's thread, if published (and in the board), looked up for each matching answer as
  // it is read: LIMIT keeps Postgres from turning the lookup into a join that hashes every thread
  // before the first answer comes.
  const publishedThreadOf = (answer: string): string => `
    SELECT t.status FROM threads t
     WHERE t.id = ${answer}.thread_id AND t.content_status = 'PUBLISHED' ${board}
     LIMIT 1`;
  return `
    thread_window AS (
      SELECT w.id, w.search_vector, w.status
        FROM (SELECT t.id, t.search_vector, t.status, t.created_at
                FROM threads t
               WHERE t.content_status = 'PUBLISHED' ${board}
               ORDER BY t.created_at DESC, t.id DESC
               LIMIT ${SEARCH_WINDOW}) AS w
       WHERE w.search_vector ${matching}
       ORDER BY w.created_at DESC, w.id DESC
       LIMIT ${SEARCH_CANDIDATES}
    ),
    thread_candidates AS (
      SELECT id, search_vector, status FROM thread_window
      UNION ALL
      SELECT t.id, t.search_vector, t.status
        FROM threads t
       WHERE t.content_status = 'PUBLISHED' AND t.search_vector ${matching} ${board}
         AND t.id NOT IN (SELECT id FROM thread_window)
      LIMIT ${SEARCH_CANDIDATES}
    ),
    answer_window AS (
      SELECT w.id, w.thread_id, w.search_vector, t.status
        FROM (SELECT p.id, p.thread_id, p.search_vector, p.created_at
                FROM posts p
               WHERE p.status = 'PUBLISHED'
               ORDER BY p.created_at DESC, p.id DESC
               LIMIT ${SEARCH_WINDOW}) AS w
       CROSS JOIN LATERAL (${publishedThreadOf('w')}) AS t
       WHERE w.search_vector ${matching}
       ORDER BY w.created_at DESC, w.id DESC
       LIMIT ${SEARCH_CANDIDATES}
    ),
    answer_candidates AS (
      SELECT id, thread_id, search_vector, status FROM answer_window
      UNION ALL
      SELECT p.id, p.thread_id, p.search_vector, t.status
        FROM posts p
       CROSS JOIN LATERAL (${publishedThreadOf('p')}) AS t
       WHERE p.status = 'PUBLISHED' AND p.search_vector ${matching}
         AND p.id NOT IN (SELECT id FROM answer_window)
      LIMIT ${SEARCH_CANDIDATES}
    ),
    matches AS (
      SELECT id AS thread_id, NULL::uuid AS post_id,
             round((ts_rank(search_vector, ${TSQUERY}) * ${SOLVED_BOOST})::numeric, 6) AS score
        FROM thread_candidates
      UNION ALL
      SELECT thread_id, id,
             round((ts_rank(${ANSWER_WEIGHTS}, search_vector, ${TSQUERY}) * ${SOLVED_BOOST})::numeric, 6)
        FROM answer_candidates
    )`;
}

/**
 * "search hits": a keyset page (limit + 1 rows) of the candidates' threads, one per thread, with
 * its score as text and its excerpt. Columns: thread_id, post_id, score, headline. The list is
 * best first; a backward page holds the hits before `from`, nearest it first (worst first), for
 * the caller to turn round.
 */
export function searchHitsStatement(
  query: ThreadTextQuery,
  limit: number,
  from: HitBoundary | null,
  direction: PageDirection,
  excerpt: ExcerptFormat,
): Statement {
  const params = new Params();
  const matching = candidates(query, params);
  const { order, past } = seek({ direction }, 'DESC');
  const boundary = from
    ? `WHERE (score, thread_id) ${past} (${params.add(from.score)}::numeric, ${params.add(from.threadId)}::uuid)`
    : '';
  const text = `
    WITH ${matching},
    -- One hit per thread: its best matching text, the thread itself on a tie.
    hits AS (
      SELECT DISTINCT ON (thread_id) thread_id, post_id, score
        FROM matches
       ORDER BY thread_id, score DESC, post_id NULLS FIRST
    ),
    page AS (
      SELECT * FROM hits ${boundary}
       ORDER BY score ${order}, thread_id ${order}
       LIMIT ${params.add(limit + 1)}
    )
    -- Excerpts only for the page: ts_headline re-parses the text and is the costly part. They
    -- quote the text as readers see it (body_text, kept at write time), not the markdown.
    SELECT page.thread_id, page.post_id, page.score::text AS score,
           ts_headline('english',
             translate(coalesce(p.body_text, t.title || E'\\n' || t.body_text),
                       ${params.add(excerpt.translateFrom)}, ${params.add(excerpt.translateTo)}),
             ${TSQUERY}, ${params.add(excerpt.headlineOptions)}) AS headline
      FROM page
      JOIN threads t ON t.id = page.thread_id
      LEFT JOIN posts p ON p.id = page.post_id
     ORDER BY page.score ${order}, page.thread_id ${order}`;
  return { text, values: params.values };
}

/**
 * "search count": how many threads the candidates hold (without the cursor), the hits a reader
 * can page through: at most twice SEARCH_CANDIDATES. Column: n.
 */
export function searchCountStatement(query: ThreadTextQuery): Statement {
  const params = new Params();
  const text = `WITH ${candidates(query, params)}
    SELECT count(DISTINCT thread_id)::int AS n FROM matches`;
  return { text, values: params.values };
}

/**
 * How many of the newest published threads a suggestion looks through for titles like the typed
 * one, typos included (trigram similarity). A trigram nearest-first walk of every title would
 * find older look-alikes too, but its cost grows with the titles: tens of milliseconds at
 * 100,000 threads, on every keystroke.
 */
export const SUGGESTION_WINDOW = 2000;

/**
 * "similar threads": candidates are the titles among the SUGGESTION_WINDOW newest that share a
 * word (by stem) with the typed one or look like it (the `%` operator), and, when those are fewer
 * than SUGGESTION_CANDIDATES, older titles sharing a word, from the full-text index (under the
 * LIMIT, UNION ALL never starts its second branch once the first fills it). So a typo is forgiven
 * among recent threads, and a whole word finds a thread of any age, at a cost that does not grow
 * with the table. Solved ones first, then the closest. Column: id.
 */
export function similarThreadsStatement(title: string, limit: number): Statement {
  const text = `
    WITH typed AS (SELECT ${titleWordsQuerySql('$1')} AS query),
    recent AS (
      SELECT w.id, w.status, w.title, w.search_vector
        FROM (SELECT t.id, t.status, t.title, t.search_vector, t.created_at
                FROM threads t
               WHERE t.content_status = 'PUBLISHED'
               ORDER BY t.created_at DESC, t.id DESC
               LIMIT ${SUGGESTION_WINDOW}) AS w
       WHERE w.search_vector @@ (SELECT query FROM typed) OR w.title % $1
       LIMIT ${SUGGESTION_CANDIDATES}
    ),
    candidates AS (
      SELECT id, status, title, search_vector FROM recent
      UNION ALL
      SELECT t.id, t.status, t.title, t.search_vector
        FROM threads t
       WHERE t.content_status = 'PUBLISHED' AND t.search_vector @@ (SELECT query FROM typed)
         AND t.id NOT IN (SELECT id FROM recent)
      LIMIT ${SUGGESTION_CANDIDATES}
    )
    SELECT n.id
      FROM candidates n
     ORDER BY n.status = 'SOLVED' DESC,
              coalesce(ts_rank(n.search_vector, (SELECT query FROM typed)), 0)
                + similarity(n.title, $1) DESC,
              n.id
     LIMIT $2`;
  return { text, values: [title, limit] };
}
