/**
 * Cache-Control for a public page. A visitor's copy is the same for every visitor (of the same
 * language), so any cache may keep it, but asks every time whether it is still current: the
 * page's ETag (entry.server.tsx) changes with anything on it, so a new answer or a correction
 * is seen at once, and an unchanged page costs a 304 without its body. A member's copy carries
 * their kudos, follows and forms: no cache keeps it.
 */
export function pageCacheHeaders(signedIn: boolean): Record<string, string> {
  return {
    'cache-control': signedIn ? 'private, no-store' : 'public, no-cache',
    // The session and language cookies and Accept-Language change the page.
    vary: 'Cookie, Accept-Language',
  };
}

/** A route's `headers` export that sends its loader's caching headers with the document. */
export function loaderCacheHeaders({ loaderHeaders }: { loaderHeaders: Headers }): Headers {
  const headers = new Headers();
  for (const name of ['cache-control', 'vary']) {
    const value = loaderHeaders.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
}
