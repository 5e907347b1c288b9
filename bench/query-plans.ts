import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/** One statement of the committed SQL snapshots (queries/*.sql), with its sample parameters. */
export interface SnapshotStatement {
  /** `Repository.method (name)`, as the snapshot file labels it. */
  label: string;
  sql: string;
  params: unknown[];
}

const QUERIES_DIR = join(__dirname, '..', '..', 'queries');

/** Reads every statement that `npm run queries` wrote, in file order. */
export function snapshotStatements(dir = QUERIES_DIR): SnapshotStatement[] {
  const statements: SnapshotStatement[] = [];
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()) {
    let label = '';
    let current: SnapshotStatement | null = null;
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (current) {
        current.sql += `${line}\n`;
        if (line.endsWith(';')) {
          current.sql = current.sql.trim().replace(/;$/, '');
          statements.push(current);
          current = null;
        }
      } else if (line.startsWith('-- params: ')) {
        current = { label, sql: '', params: JSON.parse(line.slice('-- params: '.length)) };
      } else if (
        line.startsWith('-- ') &&
        !line.startsWith('-- Generated') &&
        !line.startsWith('-- A test')
      ) {
        label = line.slice(3);
      }
    }
  }
  return statements;
}

/**
 * Writes the plan of every snapshot statement on the bench's data to `file`: executed (ANALYZE)
 * inside a transaction that is rolled back, so writes leave nothing, with foreign-key triggers off
 * since the sample ids have no rows behind them. Returns how many statements were explained.
 */
export async function explainSnapshots(databaseUrl: string, file: string): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const plans: string[] = [];
  let explained = 0;
  try {
    for (const { label, sql, params } of snapshotStatements()) {
      await db.query('BEGIN');
      try {
        await db.query('SET LOCAL session_replication_role = replica');
        const { rows } = await db.query(`EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) ${sql}`, params);
        const plan = rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
        plans.push(`-- ${label}\n${plan}\n`);
        explained++;
      } catch (error) {
        plans.push(`-- ${label}\n(not explained: ${(error as Error).message})\n`);
      } finally {
        await db.query('ROLLBACK');
      }
    }
  } finally {
    await db.end();
  }
  writeFileSync(file, plans.join('\n'));
  return explained;
}
