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
] satisfies RouteConfig;
