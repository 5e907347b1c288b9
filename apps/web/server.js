// Starts the site: `node server.js` serves the production build, `node server.js --dev` the
// sources through Vite. Pages, static files and the API's `/graphql` share one address.
// `npm run dev` adds `--conditions=development`, so that Node loads the same (development)
// build of react-router that Vite gives the app; two builds would not share its classes.
import express from 'express';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const dev = process.argv.includes('--dev');
const port = Number(process.env.WEB_PORT ?? 8080);
const site = express();
site.disable('x-powered-by');
let upgrade;

if (dev) {
  const vite = await import('vite').then((v) =>
    v.createServer({ root: here('.'), server: { middlewareMode: true } }),
  );
  const load = () => vite.ssrLoadModule('./server/app.ts');
  site.use(vite.middlewares);
  site.use((request, response, next) =>
    load().then(({ app }) => app(request, response, next), next),
  );
  upgrade = (request, socket, head) =>
    load().then(({ upgradeToApi }) => upgradeToApi(request, socket, head));
} else {
  // Vite fingerprints everything under assets/, so a year is safe; the rest may change.
  site.use(
    '/assets',
    express.static(here('build/client/assets'), { immutable: true, maxAge: '1y' }),
  );
  site.use(express.static(here('build/client'), { maxAge: '1h' }));
  const { app, upgradeToApi } = await import(here('build/server/index.js'));
  site.use(app);
  upgrade = upgradeToApi;
}

const server = createServer(site);
server.on('upgrade', (request, socket, head) => upgrade(request, socket, head));
// A port that is taken is one line and an exit, as for the API.
server.on('error', (error) => {
  console.error(`The site cannot start: ${error.message}.`);
  process.exit(1);
});
server.listen(port, '0.0.0.0', () => {
  const { port: bound } = server.address();
  console.log(
    JSON.stringify({ level: 30, msg: `Web listening on http://127.0.0.1:${bound}`, port: bound }),
  );
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.closeIdleConnections();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(1), 10000).unref();
  });
}
