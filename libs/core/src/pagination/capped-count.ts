/**
 * How far a list's totalCount counts. Counting every matching row would grow with the table
 * (an unfiltered thread list at a million rows takes hundreds of milliseconds); counting at most
 * this many stops early and stays within a few milliseconds, and a reader paging a list this
 * long does not need the exact figure.
 */
export const COUNT_CAP = 10_000;

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
