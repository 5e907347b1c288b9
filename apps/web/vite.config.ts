import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

// The server build's entry is the Express app (pages, the API proxy), so that the production
// server and `npm run dev` serve the same routes.
export default defineConfig({
  environments: {
    ssr: { build: { rollupOptions: { input: './server/app.ts' } } },
  },
  plugins: [reactRouter()],
});
