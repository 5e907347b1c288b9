/// <reference types="jest" />
// The web tsconfig leaves test globals out; this file alone needs them.
import { sitemapIndexXml, urlsetXml } from './sitemap-xml';

describe('sitemap XML', () => {
  it('lists pages with their last change, escaping what XML needs escaped', () => {
    expect(
      urlsetXml([
        { loc: 'https://x.example/threads/a?b=1&c=2', lastmod: '2026-12-03T10:00:00.000Z' },
      ]),
    ).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://x.example/threads/a?b=1&amp;c=2</loc><lastmod>2026-12-03T10:00:00.000Z</lastmod></url>
</urlset>
`);
  });

  it('indexes sitemaps', () => {
    const xml = sitemapIndexXml([
      { loc: 'https://x.example/sitemaps/start.xml', lastmod: '2026-12-01T00:00:00.000Z' },
      { loc: 'https://x.example/sitemaps/abc.xml', lastmod: '2026-12-02T00:00:00.000Z' },
    ]);
    expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml.match(/<sitemap><loc>/g)).toHaveLength(2);
  });
});
