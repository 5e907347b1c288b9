// Sitemaps as the protocol has them (sitemaps.org 0.9): a urlset of at most 50,000 URLs per
// file, and past that an index of such files.

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]);

/** One `<url>` or `<sitemap>` entry: where, and when it last changed (ISO 8601). */
export interface SitemapEntry {
  loc: string;
  lastmod: string;
}

const entries = (tag: string, list: SitemapEntry[]): string =>
  list
    .map(
      (entry) =>
        `<${tag}><loc>${escapeXml(entry.loc)}</loc><lastmod>${escapeXml(entry.lastmod)}</lastmod></${tag}>`,
    )
    .join('\n');

/** A sitemap: the pages themselves. */
export function urlsetXml(urls: SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries('url', urls)}
</urlset>
`;
}

/** A sitemap index: the sitemaps it is cut into. */
export function sitemapIndexXml(sitemaps: SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries('sitemap', sitemaps)}
</sitemapindex>
`;
}
