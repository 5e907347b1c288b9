import proxyAddr from 'proxy-addr';

/** The process configuration, read once from the environment and validated before anything starts. */
export interface AppConfig {
  nodeEnv: string;
  databaseUrl: string;
  databasePoolSize: number;
  redisUrl: string;
  /** Namespaces every Redis key, queue and channel, so several deployments or test runs can share one Redis. */
  redisPrefix: string;
  port: number;
  /** The worker's own port, for its health checks and metrics (WORKER_PORT). */
  workerPort: number;
  /** How long a process may take to stop after SIGTERM or SIGINT before it is cut off (SHUTDOWN_GRACE_MS). */
  shutdownGraceMs: number;
  /**
   * How long the API keeps serving after readiness turns 503 and before it stops accepting
   * connections, so balancers see the 503 and stop sending first (SHUTDOWN_DELAY_MS).
   */
  shutdownDelayMs: number;
  /**
   * How long a job's lock lasts without renewal, and how often workers look for jobs whose worker
   * died (QUEUE_STALLED_INTERVAL_MS): a killed worker's jobs run again after about twice this.
   */
  queueStalledIntervalMs: number;
  jwtSecret: string;
  /** The bearer token `/metrics` asks for (METRICS_TOKEN); null leaves it open outside production. */
  metricsToken: string | null;
  /** Origins that browsers may call the API from (CORS_ORIGINS, comma-separated); none by default. */
  corsOrigins: string[];
  tokenTtlSeconds: number;
  smtpUrl: string | null;
  mailFrom: string;
  rateLimitEnabled: boolean;
  /** Mutations a signed-in member may send per minute. */
  writesPerMinute: number;
  /** Operations an anonymous client address may send per minute. */
  anonymousPerMinute: number;
  /** The highest query cost served (each list counts as many times as its `first`). */
  queryCostLimit: number;
  /** Words that send a post to review (AUTOMOD_BLOCKED_WORDS, comma-separated, any case). */
  blockedWords: string[];
  /** The automod score at which content waits for review. */
  automodThreshold: number;
  logLevel: string;
  publicUrl: string;
  /** Schema introspection (GRAPHQL_INTROSPECTION on/off; off by default in production). */
  introspection: boolean;
  /**
   * Which proxies in front may set X-Forwarded-For (TRUST_PROXY): none by default, a hop count,
   * a comma-separated list of addresses or CIDR ranges, or `true` for every hop.
   */
  trustProxy: TrustProxy;
}

/** Who may tell the API a client's address: nobody, every hop, the nearest hops, or these. */
export type TrustProxy = boolean | number | string[];

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const DEV_JWT_SECRET = 'development-only-secret-change-me';
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

/**
 * Outside production a missing secret falls back to the development one. In production the
 * secret must be given, at least 32 characters, not a published or placeholder value, and not
 * made of a handful of characters repeated.
 */
function readJwtSecret(env: Env, nodeEnv: string): string {
  const production = nodeEnv === 'production';
  const secret = env.JWT_SECRET ?? (production ? undefined : DEV_JWT_SECRET);
  if (secret === undefined) {
    throw new ConfigError(`JWT_SECRET is required when NODE_ENV=production (${MAKE_A_SECRET})`);
  }
  if (!production) {
    if (secret.length < MIN_JWT_SECRET) {
      throw new ConfigError(`JWT_SECRET must be at least ${MIN_JWT_SECRET} characters`);
    }
    return secret;
  }
  if (secret.length < MIN_PRODUCTION_JWT_SECRET) {
    throw new ConfigError(
      `JWT_SECRET must be at least ${MIN_PRODUCTION_JWT_SECRET} characters when NODE_ENV=production (${MAKE_A_SECRET})`,
    );
  }
  if (
    KNOWN_JWT_SECRETS.has(secret.trim().toLowerCase()) ||
    PLACEHOLDER_SECRET.test(secret) ||
    new Set(secret).size < 8
  ) {
    throw new ConfigError(
      `JWT_SECRET is a published or placeholder value that anyone could sign tokens with (${MAKE_A_SECRET})`,
    );
  }
  return secret;
}

/** METRICS_TOKEN: unset or empty for none, else at least 16 visible characters. */
function readMetricsToken(env: Env): string | null {
  const token = env.METRICS_TOKEN;
  if (token === undefined || token === '') return null;
  if (token.length < 16 || !/^[\x21-\x7e]+$/.test(token)) {
    throw new ConfigError('METRICS_TOKEN must be at least 16 characters, without spaces');
  }
  return token;
}

function readUrl(env: Env, name: string, fallback: string, protocols: string[]): string {
  const value = env[name] ?? fallback;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be a URL (got "${value}")`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
  }
  return value;
}

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function readSwitch(env: Env, name: string, fallback: boolean): boolean {
  const raw = (env[name] ?? (fallback ? 'on' : 'off')).toLowerCase();
  if (raw !== 'on' && raw !== 'off') {
    throw new ConfigError(`${name} must be "on" or "off" (got "${env[name]}")`);
  }
  return raw === 'on';
}

/** CORS_ORIGINS: exact origins (scheme, host and port, no path), as browsers send them. */
function readOrigins(env: Env): string[] {
  const raw = (env.CORS_ORIGINS ?? '').trim();
  if (raw === '') return [];
  return raw.split(',').map((part) => {
    const origin = part.trim();
    let url: URL | null = null;
    try {
      url = new URL(origin);
    } catch {
      url = null;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== origin) {
      throw new ConfigError(
        `CORS_ORIGINS must be origins like https://community.example.com separated by commas (got "${origin}")`,
      );
    }
    return origin;
  });
}

function readTrustProxy(env: Env): TrustProxy {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return readInt(env, 'TRUST_PROXY', 0, 0, 20);
  const addresses = raw.split(',').map((part) => part.trim());
  // proxy-addr, which applies the rule, is also the judge of what it accepts.
  for (const address of addresses) {
    try {
      proxyAddr.compile(address);
    } catch {
      throw new ConfigError(
        `TRUST_PROXY must be a hop count, true, or addresses/CIDR ranges separated by commas (got "${address}")`,
      );
    }
  }
  return addresses;
}

/**
 * QUEUE_STALLED_INTERVAL_MS alone, for the queue processors, whose worker options are fixed when
 * their class is defined; an invalid value falls back here and is refused by loadConfig at start.
 */
export function queueStalledIntervalMs(env: Env = process.env): number {
  try {
    return readInt(env, 'QUEUE_STALLED_INTERVAL_MS', 30000, 500, 600000);
  } catch {
    return 30000;
  }
}

/** Builds the configuration from `env`; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const jwtSecret = readJwtSecret(env, nodeEnv);
  const rateLimit = (env.RATE_LIMIT ?? 'on').toLowerCase();
  if (rateLimit !== 'on' && rateLimit !== 'off') {
    throw new ConfigError(`RATE_LIMIT must be "on" or "off" (got "${env.RATE_LIMIT}")`);
  }
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const redisPrefix = env.REDIS_PREFIX ?? 'community';
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(redisPrefix)) {
    throw new ConfigError(
      `REDIS_PREFIX must be 1-40 letters, digits, _ or - (got "${redisPrefix}")`,
    );
  }
  const port = readInt(env, 'PORT', 3000, 0, 65535);
  const shutdownGraceMs = readInt(env, 'SHUTDOWN_GRACE_MS', 10000, 100, 3600000);
  const shutdownDelayMs = readInt(env, 'SHUTDOWN_DELAY_MS', 2000, 0, 3600000);
  if (shutdownDelayMs >= shutdownGraceMs) {
    throw new ConfigError(
      `SHUTDOWN_DELAY_MS must be less than SHUTDOWN_GRACE_MS (got ${shutdownDelayMs} and ${shutdownGraceMs})`,
    );
  }
  return {
    nodeEnv,
    databaseUrl: readUrl(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/community', [
      'postgres:',
      'postgresql:',
    ]),
    databasePoolSize: readInt(env, 'DATABASE_POOL_SIZE', 20, 1, 500),
    redisUrl: readUrl(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    redisPrefix,
    port,
    workerPort: readInt(env, 'WORKER_PORT', 3001, 0, 65535),
    shutdownGraceMs,
    shutdownDelayMs,
    queueStalledIntervalMs: readInt(env, 'QUEUE_STALLED_INTERVAL_MS', 30000, 500, 600000),
    jwtSecret,
    metricsToken: readMetricsToken(env),
    corsOrigins: readOrigins(env),
    tokenTtlSeconds: readInt(env, 'TOKEN_TTL_SECONDS', 7 * 24 * 3600, 60, 365 * 24 * 3600),
    smtpUrl: env.SMTP_URL ? readUrl(env, 'SMTP_URL', '', ['smtp:', 'smtps:']) : null,
    mailFrom: env.MAIL_FROM ?? 'Community <no-reply@community.local>',
    rateLimitEnabled: rateLimit === 'on',
    writesPerMinute: readInt(env, 'RATE_LIMIT_WRITES_PER_MINUTE', 30, 1, 100000),
    anonymousPerMinute: readInt(env, 'RATE_LIMIT_ANONYMOUS_PER_MINUTE', 120, 1, 100000),
    blockedWords: (env.AUTOMOD_BLOCKED_WORDS ?? 'viagra,casino,crypto-giveaway')
      .split(',')
      .map((word) => word.trim().toLowerCase())
      .filter(Boolean),
    automodThreshold: readInt(env, 'AUTOMOD_THRESHOLD', 3, 1, 100),
    queryCostLimit: readInt(env, 'QUERY_COST_LIMIT', 10000, 10, 10000000),
    logLevel,
    publicUrl: env.PUBLIC_URL ?? `http://127.0.0.1:${port}`,
    introspection: readSwitch(env, 'GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
    trustProxy: readTrustProxy(env),
  };
}

/** Loads the configuration or ends the process with one line naming the bad variable. */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Invalid configuration: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
