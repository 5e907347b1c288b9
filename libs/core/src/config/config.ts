import { z } from 'zod';
import { envSchema, QUEUE_STALLED_INTERVAL_MS } from './env-schema';

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
  /** Anonymous reads of unchanged threads answered from the shared copy in Redis (RESPONSE_CACHE). */
  responseCacheEnabled: boolean;
  /** The longest a shared copy is kept, which bounds how stale what no change drops gets. */
  responseCacheTtlSeconds: number;
  /** The highest query cost served (each list counts as many times as its `first`). */
  queryCostLimit: number;
  /** Words that send a post to review (AUTOMOD_BLOCKED_WORDS, comma-separated, any case). */
  blockedWords: string[];
  /** The automod score at which content waits for review. */
  automodThreshold: number;
  /** Hours a question may stay unanswered before care takes it up; 0: never. */
  careAutoEscalateHours: number;
  /** The first-response time of cases of members without a segment, in hours. */
  careFirstResponseHours: number;
  logLevel: string;
  publicUrl: string;
  /** Schema introspection (GRAPHQL_INTROSPECTION on/off; off by default in production). */
  introspection: boolean;
  /**
   * Which proxies in front may set X-Forwarded-For (TRUST_PROXY): none by default, a hop count,
   * a comma-separated list of addresses or CIDR ranges, or `true` for every hop.
   */
  trustProxy: TrustProxy;
  /** Where traces are sent over OTLP/HTTP (OTEL_EXPORTER_OTLP_ENDPOINT); undefined sends none. */
  otlpEndpoint: string | undefined;
  /** The service name traces carry (OTEL_SERVICE_NAME). */
  otelServiceName: string;
}

/** Who may tell the API a client's address: nobody, every hop, the nearest hops, or these. */
export type TrustProxy = boolean | number | string[];

/** One bad variable and what is wrong with it (never its value when that may be secret). */
export interface ConfigProblem {
  variable: string;
  problem: string;
}

/** Every bad variable of one environment, one per line: `NAME what is wrong`. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map(({ variable, problem }) => `${variable} ${problem}`).join('\n'));
  }
}

type Env = Record<string, string | undefined>;

function configError(error: z.ZodError): ConfigError {
  return new ConfigError(
    error.issues.map((issue) => ({ variable: String(issue.path[0]), problem: issue.message })),
  );
}

/**
 * QUEUE_STALLED_INTERVAL_MS alone, for the queue processors, whose worker options are fixed when
 * their class is defined; an invalid value falls back here and is refused by loadConfig at start.
 */
export function queueStalledIntervalMs(env: Env = process.env): number {
  const parsed = QUEUE_STALLED_INTERVAL_MS.safeParse(env.QUEUE_STALLED_INTERVAL_MS);
  return parsed.success ? parsed.data : 30000;
}

/** Builds the configuration from `env`; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const parsed = envSchema(env.NODE_ENV ?? 'development').safeParse(env);
  if (!parsed.success) throw configError(parsed.error);
  return parsed.data;
}

/** Loads the configuration or ends the process with a line for each bad variable. */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      const lines = error.message.split('\n');
      process.stderr.write(
        lines.length === 1
          ? `Invalid configuration: ${lines[0]}\n`
          : `Invalid configuration (${lines.length} problems):\n${lines.map((line) => `  ${line}\n`).join('')}`,
      );
      process.exit(1);
    }
    throw error;
  }
}
