/**
 * How far a list's totalCount counts. Counting every matching row grows with the table (an
 * unfiltered thread list of 100,000 threads takes 100 ms and more); counting at most this many
 * stops early. The cap is small because a filtered list may read a heap row per counted row (a
 * board's threads: about 4 ms for 1,000, 40 ms for 10,000 at 100,000 threads), and a reader
 * paging a list this long does not need the exact figure.
 */
export const COUNT_CAP = 1_000;

/** What the GraphQL schema tells clients about every totalCount. */
export const TOTAL_COUNT_DESCRIPTION = `How many items the list holds: exact up to ${COUNT_CAP.toLocaleString('en-US')}; a longer list reports ${COUNT_CAP.toLocaleString('en-US')}.`;

/**
 * What a capped count needs of a list's query: a TypeORM SelectQueryBuilder is one. Pagination
 * stays out of the database; the repository that owns the query hands it over. A count is a read
 * of its own, so it runs on the query's connection, outside any transaction.
 */
export interface CountableQuery {
  readonly connection: { query(sql: string, parameters?: unknown[]): Promise<unknown> };
  select(selection: string): this;
  orderBy(): this;
  limit(limit?: number): this;
  getQueryAndParameters(): [string, unknown[]];
}

/**
 * How many rows `list` holds, up to COUNT_CAP: `SELECT count(*) FROM (SELECT 1 … LIMIT cap)`,
 * so Postgres stops reading at the cap. Replaces the query's selection, order and limit.
 */
export async function cappedCount(list: CountableQuery): Promise<number> {
  const [sql, parameters] = list.select('1').orderBy().limit(COUNT_CAP).getQueryAndParameters();
  const rows = (await list.connection.query(
    `SELECT count(*)::int AS n FROM (${sql}) AS capped`,
    parameters,
  )) as Array<{ n: number }>;
  return rows[0].n;
}
