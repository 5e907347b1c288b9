import { DataSource } from 'typeorm';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
export const FAN_OUT_PAGE = 1000;

/**
 * Walks a set of member ids in id order, a page at a time, so that a fan-out to 100,000 members
 * never holds them all. `sql` selects a `user_id` column, takes the caller's parameter as $1,
 * the last id of the previous page as $2 and the page size as $3, and orders by user_id.
 */
export async function* userIdPages(
  dataSource: DataSource,
  sql: string,
  key: string,
  pageSize = FAN_OUT_PAGE,
): AsyncGenerator<string[]> {
  let after = NIL_UUID;
  for (;;) {
    const rows: Array<{ user_id: string }> = await dataSource.query(sql, [key, after, pageSize]);
    if (rows.length > 0) yield rows.map((row) => row.user_id);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].user_id;
  }
}

/**
 * Walks ids in order a page at a time through `fetchPage(after, limit)`, which returns the ids
 * after `after` in order, at most `limit` of them (a repository method). Nothing holds them all.
 */
export async function* idPages(
  fetchPage: (after: string, limit: number) => Promise<string[]>,
  pageSize = FAN_OUT_PAGE,
): AsyncGenerator<string[]> {
  let after = NIL_UUID;
  for (;;) {
    const ids = await fetchPage(after, pageSize);
    if (ids.length > 0) yield ids;
    if (ids.length < pageSize) return;
    after = ids[ids.length - 1];
  }
}
