import { Client } from 'pg';
import { copyRows, TableRows } from './dataset/copy';
import { dropSecondaryIndexes } from './dataset/secondary-indexes';
import { inLanes } from './dataset/lanes';
import { CommunityPlan } from './dataset/plan';
import { DatasetSize } from './dataset/size';
import { careTables } from './dataset/tables/care';
import { forumTables } from './dataset/tables/forum';
import { ideaTables } from './dataset/tables/ideas';
import { memberTables } from './dataset/tables/members';
import { moderationTables } from './dataset/tables/moderation';
import { reviewTables } from './dataset/tables/reviews';

export type { DatasetSize } from './dataset/size';

/**
 * The session of each loading connection: foreign keys are not checked row by row (replica
 * role skips their triggers; the plan makes the rows consistent, and the medium test checks
 * every key), commits do not wait for the disk, and index builds get memory to sort in. The
 * replica role takes a superuser, as the bench's server account is.
 */
const BULK_LOAD = [
  `SET session_replication_role = replica`,
  `SET synchronous_commit = off`,
  `SET maintenance_work_mem = '512MB'`,
];

/** Connections loading at once: one a core of the 2-core machines the bench runs on. */
const LANES = 2;

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
 * members (member1 a member, member2 an agent, member3 a moderator, member4 a product manager,
 * all with `passwordHash`), boards, threads with a power law of answers (one hot thread far
 * ahead), kudos (one hot answer), corrections, ideas with skewed votes (a few hot), products
 * with reviews and helpful marks, care segments and cases, and a moderation queue of flagged
 * answers. Text is drawn from a telecom-support vocabulary (see dataset/vocabulary.ts for the
 * search words).
 *
 * Everything is decided up front (dataset/plan.ts), so every maintained counter is written
 * equal to its rows, and each table streams through one COPY, two tables at a time; the same
 * size builds the same community. Secondary indexes are dropped for the load and built once
 * the rows are in.
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
  // Biggest first, so that the lanes finish together; their indexes are built in that order too.
  tables.sort((a, b) => b.expectedRows - a.expectedRows);
  const names = tables.map((table) => table.table);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const indexes = await dropSecondaryIndexes(db, names);
    const rows = await inLanes(databaseUrl, LANES, BULK_LOAD, tables, copyRows);
    indexes.sort((a, b) => names.indexOf(a.table) - names.indexOf(b.table));
    await inLanes(databaseUrl, LANES, BULK_LOAD, indexes, async (lane, index) => {
      await lane.query(index.definition);
      return 0;
    });
    // VACUUM too: it sets the visibility map, which index-only scans (sitemaps, counts) need.
    await inLanes(databaseUrl, LANES, [], names, async (lane, table) => {
      await lane.query(`VACUUM (ANALYZE) ${table}`);
      return 0;
    });
    return rows;
  } finally {
    await db.end();
  }
}
