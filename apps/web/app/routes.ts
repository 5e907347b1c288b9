import { type RouteConfig, index, route } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('sign-in', 'routes/sign-in.tsx'),
  route('sign-up', 'routes/sign-up.tsx'),
  route('sign-out', 'routes/sign-out.tsx'),
  route('forgot-password', 'routes/forgot-password.tsx'),
  route('reset-password', 'routes/reset-password.tsx'),
  route('language', 'routes/language.tsx'),
  route('ideas', 'routes/ideas.tsx'),
  route('ideas/new', 'routes/ideas-new.tsx'),
  route('ideas/i/:id', 'routes/idea.tsx'),
  route('ideas/i/:id/vote', 'routes/idea-vote.tsx'),
  route('ideas/:slug', 'routes/ideas-board.tsx'),
  route('products', 'routes/products.tsx'),
  route('products/:id', 'routes/product.tsx'),
  route('search', 'routes/search.tsx'),
  route('members/:handle', 'routes/member.tsx'),
  route('notifications', 'routes/notifications.tsx'),
  route('sitemap.xml', 'routes/sitemap.tsx'),
  route('sitemaps/:file', 'routes/sitemap.tsx', { id: 'routes/sitemap-file' }),
  route('robots.txt', 'routes/robots.tsx'),
] satisfies RouteConfig;
