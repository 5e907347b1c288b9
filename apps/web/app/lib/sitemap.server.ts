import { callApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import type { RequestInfo } from '../request-context';
import type { SitemapEntry } from './sitemap-xml';

/** The sitemap protocol's most URLs in one file: past it, /sitemap.xml becomes an index. */
export const URLS_PER_SITEMAP = 50_000;
/** The API's largest read of sitemapThreads: one sitemap takes five of them. */
const THREADS_PER_READ = 10_000;
/** The name of the first sitemap file (the others are named by the cursor they start after). */
export const FIRST_FILE = 'start';

const SitemapPagesQuery = graphql(`
  query SitemapPages($size: Int!) {
    sitemapPages(size: $size) {
      after
      threadCount
      lastActivityAt
    }
  }
`);

const SitemapThreadsQuery = graphql(`
  query SitemapThreads($after: String, $size: Int!) {
    sitemapThreads(after: $after, size: $size) {
      threads {
        id
        lastActivityAt
      }
      endCursor
      hasNextPage
    }
  }
`);

async function call<TData, TVariables>(
  info: RequestInfo,
  ...args: Parameters<typeof callApi<TData, TVariables>> extends [unknown, ...infer Rest]
    ? Rest
    : never
): Promise<TData> {
  const result = await callApi(info, ...args);
  if (result.ok) return result.data;
  const [first] = result.errors;
  // A cursor the API did not make is a file that does not exist.
  throw new Response(first.message, { status: first.code === 'BAD_USER_INPUT' ? 404 : 502 });
}

/** The sitemap files: where each starts (null for the first) and when it last changed. */
export async function sitemapFiles(
  info: RequestInfo,
): Promise<Array<{ after: string | null; lastmod: string }>> {
  const { sitemapPages } = await call(info, SitemapPagesQuery, { size: URLS_PER_SITEMAP });
  return sitemapPages.map((page) => ({ after: page.after, lastmod: page.lastActivityAt }));
}

/**
 * One sitemap file's threads: up to 50,000 from the cursor, read by keyset as the API allows.
 * Each thread's canonical page, last changed when it was last active.
 */
export async function sitemapUrls(
  info: RequestInfo,
  origin: string,
  after: string | null,
): Promise<SitemapEntry[]> {
  const urls: SitemapEntry[] = [];
  let cursor = after;
  while (urls.length < URLS_PER_SITEMAP) {
    const { sitemapThreads } = await call(info, SitemapThreadsQuery, {
      after: cursor,
      size: Math.min(THREADS_PER_READ, URLS_PER_SITEMAP - urls.length),
    });
    for (const thread of sitemapThreads.threads) {
      urls.push({
        loc: `${origin}/threads/${encodeURIComponent(thread.id)}`,
        lastmod: thread.lastActivityAt,
      });
    }
    if (!sitemapThreads.hasNextPage) break;
    cursor = sitemapThreads.endCursor;
  }
  return urls;
}
