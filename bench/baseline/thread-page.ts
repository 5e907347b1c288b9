import { Pool } from 'pg';
import { cursor, globalId } from './global-id';
import { rankFor } from './rank';

type Row = Record<string, unknown>;

const PAGE = 20;
/** The accepted solution's cursor in the API: before every other answer, oldest first. */
const SOLUTION_CURSOR = cursor([0, '00000000-0000-0000-0000-000000000000']);

// A member as the page shows one, its columns named with a prefix.
const user = (alias: string, prefix: string) =>
  `${alias}.id AS ${prefix}id, ${alias}.handle AS ${prefix}handle,
   ${alias}.display_name AS ${prefix}display_name, ${alias}.reputation AS ${prefix}reputation,
   ${alias}.role AS ${prefix}role`;

// A published answer with its author and its latest correction, the correction's moderator too.
const post = (alias: string, prefix: string) =>
  `${alias}.id AS ${prefix}id, ${alias}.body_html AS ${prefix}body_html, ${alias}.status AS ${prefix}status,
   ${alias}.created_at AS ${prefix}created_at, ${alias}.edited_at AS ${prefix}edited_at,
   ${alias}.kudos_count AS ${prefix}kudos_count, ${alias}.official AS ${prefix}official,
   ${user(`${prefix}u`, `${prefix}u_`)},
   ${prefix}c.id AS ${prefix}c_id, ${prefix}c.note_html AS ${prefix}c_note_html,
   ${prefix}c.created_at AS ${prefix}c_created_at, ${user(`${prefix}m`, `${prefix}m_`)}`;

const postJoins = (alias: string, prefix: string) =>
  `LEFT JOIN users ${prefix}u ON ${prefix}u.id = ${alias}.author_id
   LEFT JOIN LATERAL (SELECT c.id, c.note_html, c.created_at, c.moderator_id FROM corrections c
                       WHERE c.post_id = ${alias}.id ORDER BY c.created_at DESC LIMIT 1) ${prefix}c ON true
   LEFT JOIN users ${prefix}m ON ${prefix}m.id = ${prefix}c.moderator_id`;

/** The thread, its board and author, and its accepted solution when published. */
const THREAD_SQL = `
  SELECT t.id, t.title, t.body_html, t.tags, t.status, t.content_status, t.created_at,
         t.answer_count, t.accepted_post_id, b.id AS b_id, b.slug AS b_slug, b.name AS b_name,
         ${user('ta', 'ta_')}, ${post('s', 's_')}
    FROM threads t
    JOIN boards b ON b.id = t.board_id
    JOIN users ta ON ta.id = t.author_id
    LEFT JOIN posts s ON s.id = t.accepted_post_id AND s.status = 'PUBLISHED'
    ${postJoins('s', 's_')}
   WHERE t.id = $1 AND t.content_status = 'PUBLISHED'`;

/** The first published answers but the accepted one, oldest first, one more than a page. */
const ANSWERS_SQL = `
  SELECT ${post('p', 'p_')}
    FROM posts p
    ${postJoins('p', 'p_')}
   WHERE p.thread_id = $1 AND p.status = 'PUBLISHED'
     AND p.id IS DISTINCT FROM (SELECT accepted_post_id FROM threads WHERE id = $1)
   ORDER BY p.created_at, p.id
   LIMIT ${PAGE + 1}`;

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : null);

function userOf(row: Row, prefix: string) {
  if (row[`${prefix}id`] === null) return null;
  return {
    id: globalId('User', row[`${prefix}id`] as string),
    handle: row[`${prefix}handle`],
    displayName: row[`${prefix}display_name`],
    rank: rankFor(row[`${prefix}reputation`] as number),
    role: row[`${prefix}role`],
  };
}

function postOf(row: Row, prefix: string, acceptedId: unknown) {
  const correction =
    row[`${prefix}c_id`] === null
      ? null
      : {
          id: globalId('Correction', row[`${prefix}c_id`] as string),
          noteHtml: row[`${prefix}c_note_html`],
          createdAt: iso(row[`${prefix}c_created_at`]),
          moderator: userOf(row, `${prefix}m_`),
        };
  return {
    id: globalId('Post', row[`${prefix}id`] as string),
    bodyHtml: row[`${prefix}body_html`],
    status: row[`${prefix}status`],
    createdAt: iso(row[`${prefix}created_at`]),
    editedAt: iso(row[`${prefix}edited_at`]),
    kudosCount: row[`${prefix}kudos_count`],
    viewerHasGivenKudo: false,
    isAcceptedSolution: row[`${prefix}id`] === acceptedId,
    official: row[`${prefix}official`],
    author: userOf(row, `${prefix}u_`),
    correction,
  };
}

/**
 * The thread page an anonymous reader gets, in the API's JSON: two statements sent at once on
 * two connections, the answers pinned behind the accepted solution as the API pins them.
 */
export async function threadPage(pool: Pool, threadId: string): Promise<object> {
  const [threads, answers] = await Promise.all([
    pool.query<Row>(THREAD_SQL, [threadId]),
    pool.query<Row>(ANSWERS_SQL, [threadId]),
  ]);
  const thread = threads.rows[0];
  if (!thread) return { data: { viewer: null, thread: null } };
  const accepted = thread.s_id === null ? null : postOf(thread, 's_', thread.accepted_post_id);
  const room = accepted ? PAGE - 1 : PAGE;
  const others = answers.rows.slice(0, room);
  const edges = [
    ...(accepted ? [{ node: accepted, cursor: SOLUTION_CURSOR }] : []),
    ...others.map((row) => ({
      node: postOf(row, 'p_', thread.accepted_post_id),
      cursor: cursor([(row.p_created_at as Date).getTime(), row.p_id as string]),
    })),
  ];
  return {
    data: {
      viewer: null,
      thread: {
        id: globalId('Thread', thread.id as string),
        title: thread.title,
        bodyHtml: thread.body_html,
        tags: thread.tags,
        status: thread.status,
        contentStatus: thread.content_status,
        createdAt: iso(thread.created_at),
        answerCount: thread.answer_count,
        viewerIsSubscribed: false,
        board: {
          id: globalId('Board', thread.b_id as string),
          slug: thread.b_slug,
          name: thread.b_name,
        },
        author: userOf(thread, 'ta_'),
        acceptedSolution: accepted,
        answers: {
          edges: edges.map((edge) => ({ node: edge.node })),
          pageInfo: {
            hasNextPage: answers.rows.length > room,
            endCursor: edges.length ? edges[edges.length - 1].cursor : null,
          },
        },
      },
    },
  };
}
