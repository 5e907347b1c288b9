import { CursorPart, CursorValue } from './cursor';
import { pastLeadingKey, seek, SortOrder } from './keyset';
import { pageCursor, PageRequest } from './page-request';

/** One column of a keyset sort: its SQL and what a cursor holds for it. */
export interface KeyColumn {
  sql: string;
  /** A `timestamp` part is milliseconds in the cursor and a Date in the query. */
  part: CursorPart;
}

/**
 * How a keyset list sorts: by the tail's columns, all in one order and ending with a unique
 * id; or first by a leading column that may run the other way (most helpful first), with the
 * tail settling its ties. A cursor holds the lead's value, then the tail's, in that order.
 */
export interface KeysetSort {
  lead?: KeyColumn & { order: SortOrder };
  tail: { columns: KeyColumn[]; order: SortOrder };
}

/**
 * What a keyset page needs of a query: a TypeORM SelectQueryBuilder is one. Pagination stays out
 * of the database; the repositories that own the query hand it over.
 */
export interface KeysetQuery {
  andWhere(condition: string, parameters: Record<string, unknown>): this;
  orderBy(): this;
  addOrderBy(sql: string, order: SortOrder): this;
  limit(limit: number): this;
}

/**
 * Makes `qb` fetch one keyset page: the rows past the page's cursor (a cursor of another shape is
 * BAD_USER_INPUT on `after` or `before`), in the sort's order read the page's way, and
 * `page.limit + 1` of them, the extra row telling toConnection whether more follow. The ORDER BY
 * is the sort's alone; the caller's WHERE conditions stay.
 */
export function keysetPage<Q extends KeysetQuery>(qb: Q, page: PageRequest, sort: KeysetSort): Q {
  const columns = sort.lead ? [sort.lead, ...sort.tail.columns] : sort.tail.columns;
  const cursor = pageCursor(
    page,
    columns.map((column) => column.part),
  );
  if (cursor) {
    const names = columns.map((_, index) => `keysetCursor${index}`);
    qb.andWhere(pastCursor(page, sort, names), parameters(columns, cursor, names));
  }
  qb.orderBy();
  if (sort.lead) qb.addOrderBy(sort.lead.sql, seek(page, sort.lead.order).order);
  const tail = seek(page, sort.tail.order).order;
  for (const column of sort.tail.columns) qb.addOrderBy(column.sql, tail);
  return qb.limit(page.limit + 1);
}

/** The condition keeping the rows past the cursor, whose values are bound to `names`. */
function pastCursor(page: PageRequest, sort: KeysetSort, names: string[]): string {
  const row = (items: string[]): string => `(${items.join(', ')})`;
  const tailSql = row(sort.tail.columns.map((column) => column.sql));
  if (!sort.lead) {
    const placeholders = row(names.map((name) => `:${name}`));
    return `${tailSql} ${seek(page, sort.tail.order).past} ${placeholders}`;
  }
  const [leadName, ...tailNames] = names;
  return pastLeadingKey(
    page,
    { sql: sort.lead.sql, order: sort.lead.order, cursor: `:${leadName}` },
    { sql: tailSql, order: sort.tail.order, cursor: row(tailNames.map((name) => `:${name}`)) },
  );
}

function parameters(
  columns: KeyColumn[],
  cursor: CursorValue[],
  names: string[],
): Record<string, CursorValue | Date> {
  return Object.fromEntries(
    columns.map((column, index) => {
      const value = cursor[index];
      return [names[index], column.part === 'timestamp' ? new Date(value) : value];
    }),
  );
}
