import { z } from 'zod';

export const DEV_JWT_SECRET = 'development-only-secret-change-me';
const MIN_JWT_SECRET = 16;
const MIN_PRODUCTION_JWT_SECRET = 32;
const MAKE_A_SECRET = 'make one with: openssl rand -hex 32';

/** Secrets that have been published (defaults, examples): anyone could sign tokens with them. */
const KNOWN_JWT_SECRETS = new Set([
  DEV_JWT_SECRET,
  'change-this-secret-in-production',
  'changeme',
  'change-me',
  'secret',
  'jwt-secret',
  'jwt_secret',
  'your-secret',
  'your-jwt-secret',
  'your_jwt_secret',
  'supersecret',
  'password',
]);

/** Words of placeholders that stand in for a secret in examples and templates. */
const PLACEHOLDER_SECRET =
  /change[\W_]*(me|this|it)|replace[\W_]*(me|this)|your[\W_]*(jwt[\W_]*)?secret|placeholder|development[\W_]*only|not[\W_]*a[\W_]*secret/i;

/** A published value, a placeholder, or a handful of characters repeated. */
function guessable(secret: string): boolean {
  return (
    KNOWN_JWT_SECRETS.has(secret.trim().toLowerCase()) ||
    PLACEHOLDER_SECRET.test(secret) ||
    new Set(secret).size < 8
  );
}

/** The length of a secret that was too short: its size is a problem worth telling, never its text. */
function tooShort(min: number, when: string) {
  return (issue: { input?: unknown }): string =>
    `must be at least ${min} characters${when} (it has ${String(issue.input).length}; ${MAKE_A_SECRET})`;
}

/**
 * JWT_SECRET. Outside production a missing secret falls back to the development one. In
 * production the secret must be given, at least 32 characters, not a published or placeholder
 * value, and not made of a handful of characters repeated.
 */
export function jwtSecret(production: boolean) {
  if (!production) {
    return z
      .string()
      .min(MIN_JWT_SECRET, { error: tooShort(MIN_JWT_SECRET, '') })
      .default(DEV_JWT_SECRET);
  }
  return (
    z
      .string({ error: `is required when NODE_ENV=production (${MAKE_A_SECRET})` })
      .min(MIN_PRODUCTION_JWT_SECRET, {
        error: tooShort(MIN_PRODUCTION_JWT_SECRET, ' when NODE_ENV=production'),
      })
      // A short secret is already one problem; whether it is also a placeholder adds nothing.
      .refine((secret) => secret.length < MIN_PRODUCTION_JWT_SECRET || !guessable(secret), {
        error: `is a published or placeholder value that anyone could sign tokens with (${MAKE_A_SECRET})`,
      })
  );
}
