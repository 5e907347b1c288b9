import { adminQuery, databaseUrl, templateDatabase } from '@test/databases';
import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { globalId } from './global-id';
import { signToken } from './hs256';
import { postAnswer } from './post-answer';
import { threadPage } from './thread-page';

const SECRET = 'a-secret-of-the-ceiling-test-run';

interface PageAnswer {
  id: string;
  isAcceptedSolution: boolean;
  correction: { id: string; noteHtml: string; moderator: { handle: string } } | null;
}
interface Page {
  data: {
    thread: {
      acceptedSolution: PageAnswer | null;
      answerCount: number;
      answers: { edges: Array<{ node: PageAnswer }>; pageInfo: { hasNextPage: boolean } };
    } | null;
  };
}

describe('the bare ceiling', () => {
  let name: string;
  let pool: Pool;
  const member = randomUUID();
  const moderator = randomUUID();
  const threadId = randomUUID();
  const answerIds = Array.from({ length: 22 }, () => randomUUID());
  const acceptedId = answerIds[5];

  beforeAll(async () => {
    name = `cm_ceiling_${randomBytes(4).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`);
    pool = new Pool({ connectionString: databaseUrl(name), max: 4 });
    const boardId = randomUUID();
    await pool.query(
      `INSERT INTO users (id, handle, email, display_name, password_hash, reputation, role)
       VALUES ($1, 'asker', 'asker@test.local', 'Asker', 'x', 300, 'MEMBER'),
              ($2, 'mod', 'mod@test.local', 'Mod', 'x', 0, 'MODERATOR')`,
      [member, moderator],
    );
    await pool.query(
      `INSERT INTO boards (id, slug, name, description, kind) VALUES ($1, 'help', 'Help', 'Q', 'QUESTIONS')`,
      [boardId],
    );
    await pool.query(
      `INSERT INTO threads (id, board_id, author_id, title, body, body_html, body_text, answer_count, status)
       VALUES ($1, $2, $3, 'My router drops', 'It drops', '<p>It drops</p>', 'It drops', 22, 'SOLVED')`,
      [threadId, boardId, member],
    );
    for (const [i, id] of answerIds.entries()) {
      await pool.query(
        `INSERT INTO posts (id, thread_id, author_id, body, body_html, body_text, created_at)
         VALUES ($1, $2, $3, 'Try this', '<p>Try this</p>', 'Try this', now() - ($4 || ' minutes')::interval)`,
        [id, threadId, member, 100 - i],
      );
    }
    await pool.query(`UPDATE threads SET accepted_post_id = $2 WHERE id = $1`, [
      threadId,
      acceptedId,
    ]);
    await pool.query(
      `INSERT INTO corrections (id, post_id, moderator_id, note, note_html, created_at)
       VALUES ($1, $2, $3, 'Old', '<p>Old</p>', now() - interval '1 hour'),
              ($4, $2, $3, 'Newer', '<p>Newer</p>', now())`,
      [randomUUID(), answerIds[0], moderator, randomUUID()],
    );
  });

  afterAll(async () => {
    await pool?.end();
    if (name) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('pins the accepted solution first, then 19 answers oldest first, more after them', async () => {
    const page = (await threadPage(pool, threadId)) as Page;
    const thread = page.data.thread;
    const ids = thread?.answers.edges.map((edge) => edge.node.id);
    expect(thread?.acceptedSolution?.id).toBe(globalId('Post', acceptedId));
    expect(ids).toEqual(
      [acceptedId, ...answerIds.filter((id) => id !== acceptedId).slice(0, 19)].map((id) =>
        globalId('Post', id),
      ),
    );
    expect(thread?.answers.edges[0].node.isAcceptedSolution).toBe(true);
    expect(thread?.answers.edges[1].node.isAcceptedSolution).toBe(false);
    expect(thread?.answers.pageInfo.hasNextPage).toBe(true);
  });

  it("shows each answer's latest correction with its moderator", async () => {
    const page = (await threadPage(pool, threadId)) as Page;
    const corrected = page.data.thread?.answers.edges[1].node.correction;
    expect(corrected).toMatchObject({ noteHtml: '<p>Newer</p>', moderator: { handle: 'mod' } });
  });

  it('answers null for a thread nobody may read', async () => {
    const hidden = randomUUID();
    await pool.query(
      `INSERT INTO threads (id, board_id, author_id, title, body, body_html, body_text, content_status)
       SELECT $1, board_id, author_id, 'Hidden one', 'x', 'x', 'x', 'HIDDEN' FROM threads WHERE id = $2`,
      [hidden, threadId],
    );
    expect(((await threadPage(pool, hidden)) as Page).data.thread).toBeNull();
  });

  it("posts an answer as the token's member: the post, the thread's count, the outbox event", async () => {
    const sessionId = randomUUID();
    await pool.query(
      `INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, now() + interval '1 hour')`,
      [sessionId, member],
    );
    const now = Math.floor(Date.now() / 1000);
    const token = signToken(SECRET, { sub: member, jti: sessionId, iat: now, exp: now + 60 });
    const answer = (await postAnswer(pool, SECRET, `Bearer ${token}`, {
      threadId: globalId('Thread', threadId),
      body: 'Reset it, @mod',
    })) as { data: { postAnswer: { id: string } } };
    const postId = Buffer.from(answer.data.postAnswer.id, 'base64url').toString().slice(5);
    const { rows } = await pool.query(
      `SELECT (SELECT answer_count FROM threads WHERE id = $1) AS answers,
              (SELECT author_id FROM posts WHERE id = $2) AS author,
              (SELECT payload FROM outbox WHERE type = 'post.created' ORDER BY id DESC LIMIT 1) AS event`,
      [threadId, postId],
    );
    expect(rows[0]).toMatchObject({
      answers: 23,
      author: member,
      event: { postId, threadId, authorId: member, mentionedHandles: ['mod'] },
    });
  });

  it('refuses a token signed with another secret, and writes nothing', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = signToken('another-secret', {
      sub: member,
      jti: randomUUID(),
      iat: now,
      exp: now + 60,
    });
    const answer = await postAnswer(pool, SECRET, `Bearer ${forged}`, {
      threadId: globalId('Thread', threadId),
      body: 'Forged',
    });
    expect(answer).toEqual({ errors: [{ message: 'Sign in first' }] });
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM posts WHERE body = 'Forged'`);
    expect(rows[0].n).toBe(0);
  });
});
