const NIL_UUID = '00000000-0000-0000-0000-000000000000';
export const FAN_OUT_PAGE = 1000;

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
