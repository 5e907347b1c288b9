// `npm run queries`: rewrites queries/*.sql, the SQL of every repository method marked with
// @SqlSnapshot, from a scratch database that is migrated for the purpose and dropped after.
import 'reflect-metadata';
import { loadConfigOrExit, migrate } from '@app/core';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { takeSqlSnapshots } from './sql-snapshots';

export const QUERIES_DIR = join(__dirname, '..', '..', '..', '..', '..', 'queries');

async function admin(serverUrl: URL, sql: string): Promise<void> {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

async function main(): Promise<void> {
  const { databaseUrl } = loadConfigOrExit();
  const scratch = new URL(databaseUrl);
  const name = `community_queries_${process.pid}`;
  scratch.pathname = `/${name}`;
  await admin(scratch, `CREATE DATABASE ${name}`);
  try {
    await migrate(scratch.toString());
    const files = await takeSqlSnapshots(scratch.toString());
    mkdirSync(QUERIES_DIR, { recursive: true });
    for (const old of readdirSync(QUERIES_DIR).filter((file) => file.endsWith('.sql'))) {
      if (!files.has(old)) rmSync(join(QUERIES_DIR, old));
    }
    for (const [file, content] of files) writeFileSync(join(QUERIES_DIR, file), content);
    console.log(`Wrote ${files.size} files to queries/`);
  } finally {
    await admin(scratch, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
