import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes in base64url, without padding: 43 characters. */
const SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh reset token, and the hash that is all the database keeps of it. */
export interface NewResetToken {
  token: string;
  hash: Buffer;
}

/** Makes a reset token of 32 random bytes (base64url), with its SHA-256. */
export function newResetToken(): NewResetToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: resetTokenHash(token) as Buffer };
}

/**
 * The SHA-256 a reset token is stored under, or null when the text cannot be a token we made
 * (so no lookup runs for it). A plain hash is enough: the token has 256 random bits, so there is
 * nothing to guess that a slow hash would protect.
 */
export function resetTokenHash(token: string): Buffer | null {
  if (!SHAPE.test(token)) return null;
  return createHash('sha256').update(token, 'utf8').digest();
}
