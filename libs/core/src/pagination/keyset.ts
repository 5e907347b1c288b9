import { PageRequest } from './page-request';

export type SortOrder = 'ASC' | 'DESC';

/** How one sort column of a keyset list is walked for a page. */
export interface Seek {
  /** The SQL order to fetch in: the list's own going forward, reversed going backward. */
  order: SortOrder;
  /** The comparison that keeps the rows past the cursor in the fetch order. */
  past: '<' | '>';
}

/**
 * Seeks through a column the list sorts in `listOrder`. A backward page fetches the rows before
 * its cursor nearest first, the same btree index read the other way round, and toConnection
 * turns them back into the list's order.
 */
export function seek(page: Pick<PageRequest, 'direction'>, listOrder: SortOrder): Seek {
  const ascending = (listOrder === 'ASC') === (page.direction === 'forward');
  return ascending ? { order: 'ASC', past: '>' } : { order: 'DESC', past: '<' };
}

/** A sort key's SQL: columns (a row such as `(t.created_at, t.id)` for several), their order, and the cursor's placeholders. */
export interface SortKey {
  sql: string;
  order: SortOrder;
  cursor: string;
}

/**
 * The condition keeping the rows past the cursor in a list sorted by a leading column and then,
 * on ties, by a tail key that may run the other way (most kudos first, then oldest first). The
 * inclusive bound on the leading column comes first so that the index seeks to it instead of
 * reading every row before it; the OR then settles the ties exactly.
 */
export function pastLeadingKey(
  page: Pick<PageRequest, 'direction'>,
  lead: SortKey,
  tail: SortKey,
): string {
  const beyond = seek(page, lead.order).past;
  const tailPast = seek(page, tail.order).past;
  return `${lead.sql} ${beyond}= ${lead.cursor} AND (${lead.sql} ${beyond} ${lead.cursor} OR ${tail.sql} ${tailPast} ${tail.cursor})`;
}
