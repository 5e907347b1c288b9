import type { Route } from './+types/robots';

// Search results, the account pages and the API are no pages to index.
const DISALLOWED = ['/search', '/notifications', '/sign-in', '/sign-up', '/graphql'];

/** /robots.txt: everything else may be crawled, and the sitemap says what there is. */
export function loader({ request }: Route.LoaderArgs) {
  const origin = new URL(request.url).origin;
  const body = [
    'User-agent: *',
    ...DISALLOWED.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
  return new Response(body, {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    },
  });
}
