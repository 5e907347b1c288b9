import proxyAddr from 'proxy-addr';
import { z } from 'zod';
import type { AppConfig } from './config';
import { blankIsUnset, commaList, integer, matching, oneOf, onOff, shown, url } from './env-fields';
import { jwtSecret } from './jwt-secret';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Shared with the queue processors, which read it alone (see queueStalledIntervalMs). */
export const QUEUE_STALLED_INTERVAL_MS = integer(500, 600000, 30000);

/** Browsers send an Origin as scheme://host[:port] and nothing more: anything else never matches. */
function isWebOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const parsed = new URL(value);
  return ['http:', 'https:'].includes(parsed.protocol) && parsed.origin === value;
}

/** proxy-addr, which applies the rule, is also the judge of what it accepts. */
function isProxyAddress(value: string): boolean {
  try {
    proxyAddr.compile(value);
    return true;
  } catch {
    return false;
  }
}

const TRUST_PROXY_RULE =
  'must be a hop count from 0 to 20, true, or addresses/CIDR ranges separated by commas';

/** TRUST_PROXY: nobody (unset, empty, false), every hop (true), the nearest hops, or these addresses. */
const trustProxy = z
  .string()
  .trim()
  .pipe(
    z.union(
      [
        z.enum(['', 'false']).transform(() => false),
        z.literal('true').transform(() => true),
        z
          .string()
          .regex(/^\d+$/)
          .transform(Number)
          .pipe(
            z
              .number()
              .max(20, { error: (issue) => `${TRUST_PROXY_RULE} (got ${shown(issue.input)})` }),
          ),
        // proxy-addr would take a bare number as an IPv4 address; here it is a hop count, above.
        z.string().regex(/\D/).pipe(commaList(isProxyAddress, TRUST_PROXY_RULE)),
      ],
      { error: (issue) => `${TRUST_PROXY_RULE} (got ${shown(issue.input)})` },
    ),
  )
  .default(false);

/**
 * The environment's variables, each validated on its own so that every bad one is reported;
 * NODE_ENV decides the defaults and rules that differ in production.
 */
export function envSchema(nodeEnv: string) {
  const production = nodeEnv === 'production';
  return z
    .object({
      DATABASE_URL: url(
        ['postgres', 'postgresql'],
        'postgres://user:password@host:5432/db',
      ).default('postgres://postgres@127.0.0.1:5432/community'),
      DATABASE_POOL_SIZE: integer(1, 500, 20),
      REDIS_URL: url(['redis', 'rediss'], 'redis://host:6379').default('redis://127.0.0.1:6379'),
      REDIS_PREFIX: matching(
        /^[A-Za-z0-9_-]{1,40}$/,
        'must be 1-40 letters, digits, _ or -',
        'community',
      ),
      PORT: integer(0, 65535, 3000),
      WORKER_PORT: integer(0, 65535, 3001),
      SHUTDOWN_GRACE_MS: integer(100, 3600000, 10000),
      SHUTDOWN_DELAY_MS: integer(0, 3600000, 2000),
      QUEUE_STALLED_INTERVAL_MS,
      JWT_SECRET: jwtSecret(production),
      METRICS_TOKEN: blankIsUnset(
        z
          .string()
          .regex(/^[\x21-\x7e]{16,}$/, {
            error: 'must be at least 16 characters, without spaces',
          })
          .optional(),
      ),
      CORS_ORIGINS: commaList(
        isWebOrigin,
        'must be origins like https://community.example.com separated by commas',
      ).default([]),
      TOKEN_TTL_SECONDS: integer(60, 365 * 24 * 3600, 7 * 24 * 3600),
      SMTP_URL: blankIsUnset(url(['smtp', 'smtps'], 'smtp://user:password@host:587').optional()),
      MAIL_FROM: z.string().default('Community <no-reply@community.local>'),
      RATE_LIMIT: onOff(true),
      RATE_LIMIT_WRITES_PER_MINUTE: integer(1, 100000, 30),
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: integer(1, 100000, 120),
      RESPONSE_CACHE: onOff(true),
      RESPONSE_CACHE_TTL_SECONDS: integer(1, 86400, 300),
      AUTOMOD_BLOCKED_WORDS: z.string().default('viagra,casino,crypto-giveaway'),
      AUTOMOD_THRESHOLD: integer(1, 100, 3),
      // 0 turns auto-escalation off.
      CARE_AUTO_ESCALATE_HOURS: integer(0, 720, 24),
      CARE_FIRST_RESPONSE_HOURS: integer(1, 720, 24),
      QUERY_COST_LIMIT: integer(10, 10000000, 10000),
      LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
      PUBLIC_URL: z.string().optional(),
      GRAPHQL_INTROSPECTION: onOff(!production),
      TRUST_PROXY: trustProxy,
      // Empty counts as unset for both, as the OpenTelemetry SDKs read them.
      OTEL_EXPORTER_OTLP_ENDPOINT: blankIsUnset(
        url(['http', 'https'], 'http://collector:4318').optional(),
      ),
      OTEL_SERVICE_NAME: blankIsUnset(
        matching(
          /^[\x21-\x7e]{1,100}$/,
          'must be 1-100 visible characters, without spaces',
          'community-platform',
        ),
      ),
    })
    .superRefine(
      (env, context) => {
        if (env.SHUTDOWN_DELAY_MS >= env.SHUTDOWN_GRACE_MS) {
          context.addIssue({
            code: 'custom',
            path: ['SHUTDOWN_DELAY_MS'],
            message: `must be less than SHUTDOWN_GRACE_MS (got ${env.SHUTDOWN_DELAY_MS} and ${env.SHUTDOWN_GRACE_MS})`,
          });
        }
      },
      // Compared whenever both are valid, whatever else is wrong, so one run reports everything.
      {
        when: (payload) =>
          !payload.issues.some((issue) =>
            ['SHUTDOWN_DELAY_MS', 'SHUTDOWN_GRACE_MS'].includes(String(issue.path?.[0])),
          ),
      },
    )
    .transform(
      (env): AppConfig => ({
        nodeEnv,
        databaseUrl: env.DATABASE_URL,
        databasePoolSize: env.DATABASE_POOL_SIZE,
        redisUrl: env.REDIS_URL,
        redisPrefix: env.REDIS_PREFIX,
        port: env.PORT,
        workerPort: env.WORKER_PORT,
        shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
        shutdownDelayMs: env.SHUTDOWN_DELAY_MS,
        queueStalledIntervalMs: env.QUEUE_STALLED_INTERVAL_MS,
        jwtSecret: env.JWT_SECRET,
        metricsToken: env.METRICS_TOKEN ?? null,
        corsOrigins: env.CORS_ORIGINS,
        tokenTtlSeconds: env.TOKEN_TTL_SECONDS,
        smtpUrl: env.SMTP_URL ?? null,
        mailFrom: env.MAIL_FROM,
        rateLimitEnabled: env.RATE_LIMIT,
        writesPerMinute: env.RATE_LIMIT_WRITES_PER_MINUTE,
        anonymousPerMinute: env.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
        responseCacheEnabled: env.RESPONSE_CACHE,
        responseCacheTtlSeconds: env.RESPONSE_CACHE_TTL_SECONDS,
        blockedWords: env.AUTOMOD_BLOCKED_WORDS.split(',')
          .map((word) => word.trim().toLowerCase())
          .filter(Boolean),
        automodThreshold: env.AUTOMOD_THRESHOLD,
        careAutoEscalateHours: env.CARE_AUTO_ESCALATE_HOURS,
        careFirstResponseHours: env.CARE_FIRST_RESPONSE_HOURS,
        queryCostLimit: env.QUERY_COST_LIMIT,
        logLevel: env.LOG_LEVEL,
        publicUrl: env.PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`,
        introspection: env.GRAPHQL_INTROSPECTION,
        trustProxy: env.TRUST_PROXY,
        otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
        otelServiceName: env.OTEL_SERVICE_NAME,
      }),
    );
}
