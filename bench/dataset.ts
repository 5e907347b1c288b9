import { Client } from 'pg';
import { copyRows, TableRows } from './dataset/copy';
import { withIndexesDeferred } from './dataset/deferred-indexes';
import { CommunityPlan } from './dataset/plan';
import { DatasetSize } from './dataset/size';
import { careTables } from './dataset/tables/care';
import { forumTables } from './dataset/tables/forum';
import { ideaTables } from './dataset/tables/ideas';
import { memberTables } from './dataset/tables/members';
import { moderationTables } from './dataset/tables/moderation';
import { reviewTables } from './dataset/tables/reviews';

export type { DatasetSize } from './dataset/size';

/** Sizes the generator cannot build (a run of distinct members must fit among the members). */
function checkSize(size: DatasetSize): void {
  const wrong = [
    size.members < 10 && 'members must be at least 10',
    size.threads < 1 && 'threads must be at least 1',
    size.hotThreadAnswers < 3 && 'the hot thread needs at least 3 answers',
    size.hotThreadAnswers > size.threads * size.answersPerThread &&
      'the hot thread cannot have more answers than there are',
    size.reviewsPerProduct >= size.members && 'reviewsPerProduct must be below members',
    size.flaggedAnswers > size.threads * size.answersPerThread &&
      'flaggedAnswers cannot exceed the answers',
  ].filter(Boolean);
  if (wrong.length > 0) throw new Error(`Dataset size: ${wrong.join('; ')}`);
}

/**
 * Fills an empty, migrated database with a synthetic community and returns the rows written:
 * members (member1 a member, member2 an agent, member3 a moderator, all with `passwordHash`),
 * boards, threads with a power law of answers (one hot thread far ahead), kudos (one hot
 * answer), corrections, ideas with skewed votes (a few hot), products with reviews and helpful
 * marks, care segments and cases, and a moderation queue of flagged answers. Text is drawn
 * from a telecom-support vocabulary (see dataset/vocabulary.ts for the search words).
 *
 * Everything is decided up front (dataset/plan.ts), so every maintained counter is written
 * equal to its rows, and each table streams through one COPY; the same size builds the same
 * community. Foreign keys are not checked row by row during the load (replica role: the rows
 * are made consistent) and secondary indexes are built once at the end.
 */
export async function seedDataset(
  databaseUrl: string,
  size: DatasetSize,
  passwordHash: string,
): Promise<number> {
  checkSize(size);
  const plan = new CommunityPlan(size);
  const tables: TableRows[] = [
    ...memberTables(plan, passwordHash),
    ...forumTables(plan),
    ...ideaTables(plan),
    ...reviewTables(plan),
    ...careTables(plan),
    ...moderationTables(plan),
  ];
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`SET session_replication_role = replica`);
    await db.query(`SET synchronous_commit = off`);
    await db.query(`SET maintenance_work_mem = '512MB'`);
    const names = tables.map((table) => table.table);
    const rows = await withIndexesDeferred(db, names, async () => {
      let written = 0;
      for (const table of tables) written += await copyRows(db, table);
      return written;
    });
    await db.query(`SET session_replication_role = DEFAULT`);
    // VACUUM too: it sets the visibility map, which index-only scans (sitemaps, counts) need.
    await db.query(`VACUUM (ANALYZE) ${names.join(', ')}`);
    return rows;
  } finally {
    await db.end();
  }
}
