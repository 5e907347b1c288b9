import { Client } from 'pg';

export const ADMIN_URL =
  process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The migrated template of this test run (named by the global setup). */
export function templateDatabase(): string {
  const name = process.env.TEST_TEMPLATE_DB;
  if (!name) throw new Error('TEST_TEMPLATE_DB is not set: run the e2e tests through jest');
  return name;
}

/** A URL for database `name` on the test server. */
export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs statements on the maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
