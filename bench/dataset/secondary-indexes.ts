import { Client } from 'pg';

/** A secondary index: its name and the statement that builds it again. */
export interface IndexDefinition {
  name: string;
  table: string;
  definition: string;
}

/**
 * Drops the secondary indexes of `tables` and returns their definitions (whatever the
 * migrations made them), to be built again once the rows are in: building an index over loaded
 * rows, GIN and GiST included, is many times cheaper than updating it row by row. Indexes that
 * back a constraint (primary keys, unique constraints) stay, so the load is still checked.
 */
export async function dropSecondaryIndexes(
  db: Client,
  tables: readonly string[],
): Promise<IndexDefinition[]> {
  const { rows } = await db.query<IndexDefinition>(
    `SELECT i.indexrelid::regclass::text AS name, i.indrelid::regclass::text AS table,
            pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = ANY (SELECT unnest($1::text[])::regclass)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const index of rows) await db.query(`DROP INDEX ${index.name}`);
  return rows;
}
