import { requestInfo } from '../request-context';
import { FIRST_FILE, sitemapFiles, sitemapUrls } from '../lib/sitemap.server';
import { sitemapIndexXml, urlsetXml } from '../lib/sitemap-xml';
import type { Route } from './+types/sitemap';

const HEADERS = {
  'content-type': 'application/xml; charset=utf-8',
  // Crawlers come by now and then; an hour old is fresh enough, and spares the API.
  'cache-control': 'public, max-age=3600',
};

const xml = (body: string): Response => new Response(body, { headers: HEADERS });

/**
 * /sitemap.xml: every published thread's canonical URL, or past 50,000 of them an index of
 * /sitemaps/<file>.xml, each file named by the keyset cursor it starts after ("start" for the
 * first). Only what a visitor can see: the API lists published threads alone.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  // A crawler's view: no member's session, whoever asks.
  const info = { ...context.get(requestInfo), token: null };
  const origin = new URL(request.url).origin;
  const file = params.file;
  if (file !== undefined) {
    const name = /^(.+)\.xml$/.exec(file)?.[1];
    if (!name) throw new Response('Not found', { status: 404 });
    return xml(urlsetXml(await sitemapUrls(info, origin, name === FIRST_FILE ? null : name)));
  }
  const files = await sitemapFiles(info);
  if (files.length <= 1) return xml(urlsetXml(await sitemapUrls(info, origin, null)));
  return xml(
    sitemapIndexXml(
      files.map((entry) => ({
        loc: `${origin}/sitemaps/${entry.after ?? FIRST_FILE}.xml`,
        lastmod: entry.lastmod,
      })),
    ),
  );
}
