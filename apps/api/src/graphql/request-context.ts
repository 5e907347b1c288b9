import { bearerToken, RequestContext, RequestLoaders } from '@app/core';

interface HttpRequestLike {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
}

interface WsContextLike {
  connectionParams?: Readonly<Record<string, unknown>>;
  /**
   * The Authorization header of the WebSocket's upgrade request: what the site's same-origin
   * proxy sets from its session cookie, so that page scripts never hold the token.
   */
  upgradeAuthorization?: string | string[];
  /** The client's address, by the API's proxy trust rule. */
  ip: string;
}

/**
 * Builds the per-operation context from an HTTP request (Authorization header) or a graphql-ws
 * connection (the `authorization` or `token` connection parameter).
 */
export function buildRequestContext(source: HttpRequestLike | WsContextLike): RequestContext {
  if ('headers' in source && source.headers) {
    return {
      token: bearerToken(source.headers.authorization),
      ip: source.ip ?? 'unknown',
      loaders: new RequestLoaders(),
    };
  }
  const ws = source as WsContextLike;
  const params = ws.connectionParams ?? {};
  const raw = params.authorization ?? params.Authorization ?? params.token;
  const token =
    typeof raw === 'string'
      ? (bearerToken(raw) ?? (raw.includes(' ') ? null : raw))
      : bearerToken(ws.upgradeAuthorization);
  return { token, ip: ws.ip, loaders: new RequestLoaders() };
}
