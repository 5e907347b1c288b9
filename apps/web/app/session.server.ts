import { createCookie } from 'react-router';
import { webConfig } from './config.server';

const WEEK_SECONDS = 7 * 24 * 3600;

/**
 * The member's API token lives only here: an HttpOnly cookie that page scripts cannot read,
 * signed so that it cannot be forged, Lax so that other sites' forms do not carry it.
 */
const sessionCookie = createCookie('session', {
  httpOnly: true,
  sameSite: 'lax',
  secure: webConfig.production,
  path: '/',
  maxAge: WEEK_SECONDS,
  secrets: [webConfig.sessionSecret],
});

/** The API token of the request's session, or null for a visitor. */
export async function sessionToken(
  cookieHeader: string | null | undefined,
): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(cookieHeader ?? null);
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The Set-Cookie header that signs a member in with `token`. */
export function startSession(token: string): Promise<string> {
  return sessionCookie.serialize(token);
}

/** The Set-Cookie header that ends the session in this browser. */
export function endSession(): Promise<string> {
  return sessionCookie.serialize('', { maxAge: 0 });
}
