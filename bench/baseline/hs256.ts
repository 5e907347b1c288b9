import { createHmac, timingSafeEqual } from 'node:crypto';

/** The claims of the API's bearer tokens: the member and the session. */
export interface TokenClaims {
  sub: string;
  jti: string;
  iat: number;
  exp: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

function signature(secret: string, signed: string): Buffer {
  return createHmac('sha256', secret).update(signed).digest();
}

/** Signs claims as the API's tokens are signed (HS256), so that the API accepts them. */
export function signToken(secret: string, claims: TokenClaims): string {
  const signed = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${signed}.${signature(secret, signed).toString('base64url')}`;
}

/** The claims of a token signed with `secret` and not expired, or null. */
export function verifyToken(secret: string, token: string): TokenClaims | null {
  const [header, payload, given] = token.split('.');
  if (header !== HEADER || !payload || !given) return null;
  const expected = signature(secret, `${header}.${payload}`);
  const actual = Buffer.from(given, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
  return claims.exp * 1000 > Date.now() ? claims : null;
}
