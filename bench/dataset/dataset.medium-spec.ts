import { checkCounters } from '@test/counter-check';
import { adminQuery, databaseUrl, templateDatabase } from '@test/databases';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { seedDataset } from '../dataset';
import { SCALES } from '../options';
import { hotTargets } from './hot-targets';
import { RARE_WORD_ANSWERS, SEARCH_WORDS } from './vocabulary';

const size = SCALES.small;

/** A fresh migrated database of this file, filled at the small scale. */
async function seeded(): Promise<{ name: string; db: Client; rows: number }> {
  const name = `cm_dataset_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`);
  const rows = await seedDataset(databaseUrl(name), size, 'the-shared-hash');
  const db = new Client({ connectionString: databaseUrl(name) });
  await db.connect();
  return { name, db, rows };
}

describe('the bench dataset (small scale)', () => {
  let name: string;
  let db: Client;
  let rows: number;
  const value = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    (await db.query<{ value: T }>(sql, params)).rows[0].value;
  const matches = (table: string, word: string) =>
    value<number>(
      `SELECT count(*)::int AS value FROM ${table} WHERE search_vector @@ plainto_tsquery('english', $1)`,
      [word],
    );

  beforeAll(async () => {
    ({ name, db, rows } = await seeded());
  });

  afterAll(async () => {
    await db?.end();
    if (name) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('writes the scale’s rows and reports every one of them', async () => {
    const counted = await value<number>(
      `SELECT sum((xpath('/row/c/text()', query_to_xml('SELECT count(*) AS c FROM ' || relname, false, true, '')))[1]::text::int)::int AS value
         FROM pg_stat_user_tables WHERE schemaname = 'public' AND relname <> 'migrations'`,
    );
    expect(rows).toBe(counted);
    const counts = (
      await db.query<{
        members: number;
        threads: number;
        posts: number;
        kudos: number;
        votes: number;
      }>(
        `SELECT (SELECT count(*)::int FROM users) AS members, (SELECT count(*)::int FROM threads) AS threads,
                (SELECT count(*)::int FROM posts) AS posts, (SELECT count(*)::int FROM kudos) AS kudos,
                (SELECT count(*)::int FROM idea_votes) AS votes`,
      )
    ).rows[0];
    expect(counts).toEqual({
      members: size.members,
      threads: size.threads,
      posts: size.threads * size.answersPerThread,
      kudos: size.kudos,
      votes: size.ideaVotes,
    });
  });

  it('keeps every maintained counter equal to its rows', async () => {
    expect(await checkCounters(db)).toEqual([]);
  });

  it('keeps every foreign key, though the load did not check them row by row', async () => {
    const keys = await db.query<{ name: string; sql: string }>(
      `SELECT c.conname AS name,
              format('SELECT count(*)::int AS value FROM %s child WHERE %s AND NOT EXISTS (SELECT 1 FROM %s parent WHERE %s)',
                     c.conrelid::regclass,
                     (SELECT string_agg(format('child.%I IS NOT NULL', a.attname), ' AND ')
                        FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k),
                     c.confrelid::regclass,
                     (SELECT string_agg(format('parent.%I = child.%I', pa.attname, ca.attname), ' AND ')
                        FROM unnest(c.confkey, c.conkey) AS k(pk, ck)
                        JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = k.pk
                        JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = k.ck)) AS sql
         FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    );
    expect(keys.rows.length).toBeGreaterThan(20);
    const broken: string[] = [];
    for (const key of keys.rows) if ((await value<number>(key.sql)) > 0) broken.push(key.name);
    expect(broken).toEqual([]);
  });

  it('keeps the promises of the three search words', async () => {
    const posts = size.threads * size.answersPerThread;
    expect(await matches('posts', SEARCH_WORDS.everyAnswer)).toBe(posts);
    expect(await matches('posts', SEARCH_WORDS.rare)).toBe(RARE_WORD_ANSWERS);
    expect(await matches('threads', SEARCH_WORDS.rare)).toBe(0);
    const common = await matches('threads', SEARCH_WORDS.common);
    expect(common).toBeGreaterThan(size.threads * 0.2);
    expect(common).toBeLessThan(size.threads * 0.3);
  });

  it('is skewed: one hot thread, one hot answer, a few hot ideas', async () => {
    const targets = await hotTargets(databaseUrl(name));
    const answers = await db.query<{ answer_count: number }>(
      `SELECT answer_count FROM threads ORDER BY answer_count DESC LIMIT 2`,
    );
    expect(answers.rows[0].answer_count).toBe(size.hotThreadAnswers);
    expect(answers.rows[1].answer_count).toBeLessThanOrEqual(size.hotThreadAnswers / 2);
    expect(
      await value<number>(`SELECT kudos_count AS value FROM posts WHERE id = $1`, [
        targets.hotAnswerId,
      ]),
    ).toBe(size.hotAnswerKudos);
    expect(
      await value<number>(`SELECT max(kudos_count) AS value FROM posts WHERE id <> $1`, [
        targets.hotAnswerId,
      ]),
    ).toBeLessThan(size.hotAnswerKudos / 2);
    // The top tenth of the ideas hold most of the votes.
    const topShare = await value<number>(
      `SELECT (sum(vote_count) FILTER (WHERE r <= $1))::float / sum(vote_count) AS value
         FROM (SELECT vote_count, row_number() OVER (ORDER BY vote_count DESC) AS r FROM ideas) ranked`,
      [size.ideas / 10],
    );
    expect(topShare).toBeGreaterThan(0.5);
    // Ideas taking off now lead TRENDING, not the old favourite that leads TOP.
    const trendingFirst = await value<string>(
      `SELECT id AS value FROM ideas ORDER BY trending_score DESC, id DESC LIMIT 1`,
    );
    expect(trendingFirst).not.toBe(targets.hotIdeaId);
    expect(targets.moderation.pendingItems).toBe(size.flaggedAnswers);
  });

  it('signs in member1 as a member, and member2 to member4 as staff', async () => {
    const members = await db.query(
      `SELECT email, role, password_hash FROM users WHERE handle IN ('member1', 'member2', 'member3', 'member4') ORDER BY handle`,
    );
    expect(members.rows).toEqual([
      { email: 'member1@bench.local', role: 'MEMBER', password_hash: 'the-shared-hash' },
      { email: 'member2@bench.local', role: 'AGENT', password_hash: 'the-shared-hash' },
      { email: 'member3@bench.local', role: 'MODERATOR', password_hash: 'the-shared-hash' },
      { email: 'member4@bench.local', role: 'PRODUCT_MANAGER', password_hash: 'the-shared-hash' },
    ]);
  });

  it('builds the same community again from the same size', async () => {
    const digest = (client: Client) =>
      client
        .query<{ value: string }>(
          `SELECT md5(string_agg(concat_ws('|', p.id, p.author_id, p.body, p.kudos_count), ',' ORDER BY p.id)) AS value
             FROM posts p`,
        )
        .then((result) => result.rows[0].value);
    const again = await seeded();
    try {
      expect(await digest(again.db)).toBe(await digest(db));
    } finally {
      await again.db.end();
      await adminQuery(`DROP DATABASE IF EXISTS ${again.name} WITH (FORCE)`);
    }
  });
});
