import { z } from 'zod';

const DEVELOPMENT_SECRET = 'development-session-secret-not-for-production';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    WEB_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    API_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3000'),
    SESSION_SECRET: z.string().min(32).optional(),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.SESSION_SECRET !== undefined, {
    path: ['SESSION_SECRET'],
    message: 'is required in production (32+ random characters: openssl rand -hex 32)',
  });

export interface WebConfig {
  production: boolean;
  port: number;
  /** The API's base address, as the web server reaches it (not the browser). */
  apiUrl: string;
  /** Signs the session cookie. */
  sessionSecret: string;
}

/** Reads the web server's settings, reporting every bad variable at once. */
export function loadWebConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new Error(`Invalid configuration of the web server: ${lines.join('; ')}`);
  }
  const value = parsed.data;
  return {
    production: value.NODE_ENV === 'production',
    port: value.WEB_PORT,
    apiUrl: value.API_URL.replace(/\/$/, ''),
    sessionSecret: value.SESSION_SECRET ?? DEVELOPMENT_SECRET,
  };
}

export const webConfig = loadWebConfig();
