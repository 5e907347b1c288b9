import { Client } from 'pg';
import { encodeCursor } from '@app/core';
import { DatasetTargets } from '../dataset/hot-targets';

/** A member who may toggle a kudo or a vote, and whether they have given it already. */
export interface Toggler {
  userId: string;
  given: boolean;
}

/** What the scenarios need from the dataset, read once before the load starts. */
export interface BenchWorld {
  /** Published solved threads with the most answers, the hot one first. */
  threadIds: string[];
  /** The cursor that opens page 500 of the thread list (or its last page on less data). */
  page500Cursor: string;
  productId: string;
  /** Members signed in to read and to answer. */
  readerIds: string[];
  kudoGivers: Toggler[];
  /**
   * The idea voteIdea aims at: the most voted one that half the members or more have not voted
   * for yet (the hottest has every member's vote at medium and large), and its voters.
   */
  voteIdea: { id: string; voters: number };
  ideaVoters: Toggler[];
  staff: { agentId: string; moderatorId: string; productManagerId: string };
}

/** How many members at most take turns on the hot answer and on the hot idea. */
const MAX_TOGGLERS = 20_000;

/**
 * The staff the scenarios sign in as: member2 works the care inbox (AGENT), member3 the
 * moderation queue (MODERATOR), member4 changes ideas' status (PRODUCT_MANAGER). A dataset that
 * has not made them so yet gets the role here.
 */
async function ensureStaff(db: Client): Promise<BenchWorld['staff']> {
  const { rows } = await db.query<{ handle: string; id: string }>(
    `UPDATE users u SET role = r.role
       FROM (VALUES ('member2', 'AGENT'), ('member3', 'MODERATOR'), ('member4', 'PRODUCT_MANAGER'))
            AS r (handle, role)
      WHERE u.handle = r.handle
      RETURNING u.handle, u.id`,
  );
  const idOf = (handle: string) => {
    const row = rows.find((r) => r.handle === handle);
    if (!row) throw new Error(`the dataset has no ${handle}`);
    return row.id;
  };
  return {
    agentId: idOf('member2'),
    moderatorId: idOf('member3'),
    productManagerId: idOf('member4'),
  };
}

/**
 * Active members but `excludedId` who may toggle a kudo (`kudos`, on post `targetId`) or a vote
 * (`idea_votes`, on idea `targetId`), those who have not given it yet first: with enough of
 * them every write of a short run is a give.
 */
async function togglers(
  db: Client,
  on: { table: 'kudos'; column: 'post_id' } | { table: 'idea_votes'; column: 'idea_id' },
  targetId: string,
  excludedId: string | null,
): Promise<Toggler[]> {
  const { rows } = await db.query<{ id: string; given: boolean }>(
    `SELECT u.id, EXISTS (SELECT 1 FROM ${on.table} g
                           WHERE g.${on.column} = $1 AND g.user_id = u.id) AS given
       FROM users u
      WHERE u.status = 'ACTIVE' AND u.id IS DISTINCT FROM $2
      ORDER BY 2, u.id LIMIT ${MAX_TOGGLERS}`,
    [targetId, excludedId],
  );
  return rows.map((row) => ({ userId: row.id, given: row.given }));
}

export async function readBenchWorld(
  databaseUrl: string,
  targets: DatasetTargets,
): Promise<BenchWorld> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const staff = await ensureStaff(db);
    const threads = await db.query<{ id: string }>(
      `SELECT id FROM threads
        WHERE content_status = 'PUBLISHED' AND accepted_post_id IS NOT NULL AND id <> $1
        ORDER BY answer_count DESC, id LIMIT 99`,
      [targets.hotThreadId],
    );
    const deep = await db.query<{ at: Date; id: string }>(
      `SELECT last_activity_at AS at, id FROM threads WHERE content_status = 'PUBLISHED'
        ORDER BY last_activity_at DESC, id DESC
        OFFSET LEAST($1::int, greatest((SELECT count(*) FROM threads) - 21, 0)) LIMIT 1`,
      [499 * 20 - 1],
    );
    const product = await db.query<{ id: string }>(
      `SELECT id FROM products ORDER BY rating_count DESC, id LIMIT 1`,
    );
    const readers = await db.query<{ id: string }>(
      `SELECT id FROM users WHERE role = 'MEMBER' AND status = 'ACTIVE' ORDER BY handle LIMIT 50`,
    );
    const voteIdea = await db.query<{ id: string; voters: number }>(
      `SELECT id, vote_count AS voters FROM ideas
        WHERE content_status = 'PUBLISHED' AND status NOT IN ('MERGED', 'DELIVERED', 'DECLINED')
        ORDER BY vote_count <= (SELECT count(*) FROM users) / 2 DESC, vote_count DESC, id
        LIMIT 1`,
    );
    const answerAuthor = await db.query<{ id: string }>(
      `SELECT author_id AS id FROM posts WHERE id = $1`,
      [targets.hotAnswerId],
    );
    return {
      threadIds: [targets.hotThreadId, ...threads.rows.map((row) => row.id)],
      page500Cursor: encodeCursor([deep.rows[0].at.getTime(), deep.rows[0].id]),
      productId: product.rows[0].id,
      readerIds: readers.rows.map((row) => row.id),
      // Nobody gives a kudo to their own answer.
      kudoGivers: await togglers(
        db,
        { table: 'kudos', column: 'post_id' },
        targets.hotAnswerId,
        answerAuthor.rows[0].id,
      ),
      voteIdea: voteIdea.rows[0],
      ideaVoters: await togglers(
        db,
        { table: 'idea_votes', column: 'idea_id' },
        voteIdea.rows[0].id,
        null,
      ),
      staff,
    };
  } finally {
    await db.end();
  }
}
