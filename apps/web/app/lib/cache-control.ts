/**
 * Cache-Control for a public page. A visitor's copy is the same for every visitor (of the same
 * language), so a shared cache may serve it for 30 seconds and for 30 more while it fetches a
 * fresh one; browsers revalidate every time (max-age=0). A member's copy carries their kudos,
 * follows and forms: no cache keeps it.
 */
export function pageCacheHeaders(signedIn: boolean): Record<string, string> {
  return {
    'cache-control': signedIn
      ? 'private, no-store'
      : 'public, max-age=0, s-maxage=30, stale-while-revalidate=30',
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
