import { createRequestHandler } from '@react-router/express';
import compression from 'compression';
import express from 'express';
import { randomUUID } from 'node:crypto';
import { RouterContextProvider } from 'react-router';
import { requestInfo } from '../app/request-context';
import { sessionToken } from '../app/session.server';
import { apiProxy } from './api-proxy';

export { upgradeToApi } from './api-proxy';

const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9\-_.:=+/@]{1,128}$/;

/** The site: the API on `/graphql`, then every page, rendered on the server. */
export const app = express();
app.disable('x-powered-by');
// Liveness for balancers and `npm start`: the site's process answers (the API has its own).
app.get('/health/live', (_request, response) => {
  response.json({ status: 'ok' });
});
app.use(apiProxy);
app.use(compression());
app.all(
  '/{*path}',
  createRequestHandler({
    build: () => import('virtual:react-router/server-build'),
    async getLoadContext(request) {
      const given = request.get('x-request-id');
      const context = new RouterContextProvider();
      context.set(requestInfo, {
        token: await sessionToken(request.get('cookie')),
        clientIp: request.socket.remoteAddress ?? '127.0.0.1',
        requestId: given && ACCEPTED_REQUEST_ID.test(given) ? given : randomUUID(),
      });
      return context;
    },
  }),
);
