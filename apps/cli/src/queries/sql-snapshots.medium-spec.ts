import { adminQuery, databaseUrl, templateDatabase } from '@test/databases';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { takeSqlSnapshots } from './sql-snapshots';

const QUERIES_DIR = join(__dirname, '..', '..', '..', '..', 'queries');

describe('the SQL snapshots in queries/', () => {
  const name = `cq_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  let fresh: Map<string, string>;

  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`);
    Object.assign(process.env, { NODE_ENV: 'test', LOG_LEVEL: 'silent', REDIS_PREFIX: name });
    fresh = await takeSqlSnapshots(databaseUrl(name));
  }, 120_000);
  afterAll(() => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  it('are what the marked repository methods issue today (run `npm run queries` if not)', () => {
    const committed = new Map(
      readdirSync(QUERIES_DIR)
        .filter((file) => file.endsWith('.sql'))
        .map((file) => [file, readFileSync(join(QUERIES_DIR, file), 'utf8')]),
    );
    expect([...committed.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [file, content] of fresh)
      expect({ file, content }).toEqual({ file, content: committed.get(file) });
  });
});
