/** The thread page's path (global IDs are URL-safe, but the path is built the one way). */
export function threadPath(threadId: string): string {
  return `/threads/${encodeURIComponent(threadId)}`;
}

/** Where "this answered my question" posts for a suggested thread (a deflection). */
export function answeredMePath(threadId: string): string {
  return `${threadPath(threadId)}/answered-me`;
}

/** The board page's path, with its filter and tag when given. */
export function boardPath(slug: string, params: Record<string, string | null | undefined> = {}) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const query = search.toString();
  return `/boards/${encodeURIComponent(slug)}${query ? `?${query}` : ''}`;
}
