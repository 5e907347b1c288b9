import { Client } from 'pg';

/**
 * Runs `load` with the secondary indexes of `tables` dropped, then builds them again from
 * their own definitions (whatever the migrations made them): building an index over loaded
 * rows, GIN and GiST included, is many times cheaper than updating it row by row. Indexes that
 * back a constraint (primary keys, unique constraints) stay, so the load is still checked.
 */
export async function withIndexesDeferred<T>(
  db: Client,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const { rows } = await db.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = ANY (SELECT unnest($1::text[])::regclass)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const index of rows) await db.query(`DROP INDEX ${index.name}`);
  const result = await load();
  for (const index of rows) await db.query(index.definition);
  return result;
}
