import { createHash, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { globalId, uuidOf } from './global-id';
import { verifyToken } from './hs256';

const MENTION = /(?:^|[^\w@])@([a-z0-9_-]{3,30})/gi;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '<br>');

/** A GraphQL-shaped refusal, as the API answers one. */
const refused = (message: string) => ({ errors: [{ message }] });

/**
 * postAnswer with the statements the API's transaction runs: the bearer's open session, then in
 * one transaction the thread read, automod's fingerprint facts and their record, the post, the
 * thread's answer count and activity, and the outbox event the worker fans out. Automod's
 * scoring and Markdown rendering are left out: the body is escaped into a paragraph.
 */
export async function postAnswer(
  pool: Pool,
  secret: string,
  authorization: string | undefined,
  input: { threadId?: unknown; body?: unknown },
): Promise<object> {
  const claims = verifyToken(secret, (authorization ?? '').replace(/^Bearer /, ''));
  const threadId = uuidOf('Thread', input.threadId);
  const body = typeof input.body === 'string' ? input.body : '';
  if (!claims) return refused('Sign in first');
  if (!threadId || !body.trim()) return refused('Bad input');
  const session = await pool.query(
    `SELECT u.id, u.handle, u.role, u.status, u.status_until
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()`,
    [claims.jti, claims.sub],
  );
  if (!session.rows[0]) return refused('Sign in first');
  const authorId = claims.sub;
  const fingerprint = createHash('sha256').update(body.trim().toLowerCase()).digest('hex');
  const id = randomUUID();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const thread = await client.query(`SELECT content_status, status FROM threads WHERE id = $1`, [
      threadId,
    ]);
    const row = thread.rows[0];
    if (!row || row.content_status !== 'PUBLISHED' || row.status === 'LOCKED') {
      await client.query('ROLLBACK');
      return refused('No such thread');
    }
    await client.query(
      `SELECT EXISTS (SELECT 1 FROM content_fingerprints f
                       WHERE f.author_id = $1 AND f.fingerprint = $2
                         AND f.created_at > now() - interval '1 day') AS repeated,
              (SELECT count(*)::int FROM content_fingerprints f
                WHERE f.author_id = $1 AND f.created_at > now() - interval '1 minute') AS recent,
              (SELECT reputation FROM users WHERE id = $1) AS reputation`,
      [authorId, fingerprint],
    );
    await client.query(
      `INSERT INTO content_fingerprints (author_id, fingerprint) VALUES ($1, $2)`,
      [authorId, fingerprint],
    );
    await client.query(
      `INSERT INTO posts (id, thread_id, author_id, body, body_html, body_text, status, kudos_count, official)
       VALUES ($1, $2, $3, $4, $5, $4, 'PUBLISHED', 0, false)`,
      [id, threadId, authorId, body, `<p>${escapeHtml(body)}</p>`],
    );
    const bumped = await client.query(
      `UPDATE threads SET answer_count = answer_count + 1, last_activity_at = now()
        WHERE id = $1 RETURNING title`,
      [threadId],
    );
    const mentionedHandles = [
      ...new Set([...body.matchAll(MENTION)].map((m) => m[1].toLowerCase())),
    ];
    await client.query('INSERT INTO outbox (type, payload, request_id) VALUES ($1, $2, NULL)', [
      'post.created',
      JSON.stringify({
        postId: id,
        threadId,
        authorId,
        threadTitle: bumped.rows[0].title,
        mentionedHandles,
      }),
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return { data: { postAnswer: { id: globalId('Post', id) } } };
}
