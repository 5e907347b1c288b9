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
