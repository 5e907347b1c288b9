import type { NextFunction, Request, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { webConfig } from '../app/config.server';
import { sessionToken } from '../app/session.server';

/**
 * `/graphql` on the site's own origin, over HTTP and WebSocket, passed to the API. A browser
 * carries its session cookie, never its token: the token is put into the Authorization header
 * here, so page scripts (live updates, say) are signed in without being able to read it.
 */
const proxy = createProxyMiddleware<Request, Response>({
  target: webConfig.apiUrl,
  pathFilter: '/graphql',
  ws: true,
  xfwd: true,
});

/** Puts the session's token on a request that brings a cookie and no Authorization of its own. */
async function authorize(request: IncomingMessage): Promise<void> {
  if (request.headers.authorization) return;
  const token = await sessionToken(request.headers.cookie);
  if (token) request.headers.authorization = `Bearer ${token}`;
  // The API knows members by tokens only; the cookie is the site's business.
  delete request.headers.cookie;
}

/** Express middleware for `/graphql` over HTTP. */
export function apiProxy(request: Request, response: Response, next: NextFunction): void {
  if (request.path !== '/graphql') return next();
  authorize(request).then(() => proxy(request, response, next), next);
}

/**
 * A browser opens WebSockets to any origin with the cookies of the target, so a socket that a
 * page of another site opens is refused before the cookie can sign it in.
 */
function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** The http.Server `upgrade` handler: graphql-ws on `/graphql`, signed in by the cookie. */
export function upgradeToApi(request: IncomingMessage, socket: Socket, head: Buffer): void {
  if (request.url?.split('?')[0] !== '/graphql' || !sameOrigin(request)) {
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
    return;
  }
  authorize(request).then(
    // The proxy types its requests as Express ones; an upgrade is a bare IncomingMessage.
    () => proxy.upgrade(request as Request, socket, head),
    () => socket.destroy(),
  );
}
