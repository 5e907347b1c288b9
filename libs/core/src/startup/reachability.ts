import Redis from 'ioredis';
import { Client } from 'pg';

/** How long a start waits for Postgres or Redis to answer before it gives up. */
const ANSWER_WITHIN_MS = 5000;

/** What went wrong with a dependency, in words an operator acts on (never its credentials). */
function describeFailure(error: unknown, database?: string): string {
  const { code, message } = error as { code?: string; message?: string };
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused the connection (is it running?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'has a host name that does not resolve';
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return 'cannot be reached on the network';
    case 'ETIMEDOUT':
      return `did not answer within ${ANSWER_WITHIN_MS / 1000} s`;
    case '28P01':
    case '28000':
      return 'refused the user or password';
    case '3D000':
      return `has no database "${database}" (npm run migrate creates it)`;
    default:
      if (/NOAUTH|WRONGPASS/.test(message ?? '')) return 'refused the password';
      if (/timeout/i.test(message ?? ''))
        return `did not answer within ${ANSWER_WITHIN_MS / 1000} s`;
      if (/terminated unexpectedly/.test(message ?? '')) return 'closed the connection unanswered';
      return message ?? String(error);
  }
}

/** host:port of a URL, without the user and password it may carry. */
function addressOf(url: URL, defaultPort: number): string {
  return `${url.hostname}:${url.port || defaultPort}`;
}

/**
 * Why Postgres at `databaseUrl` cannot serve, or null when it answers. With `serverOnly`, only
 * the server is asked (for `migrate`, which creates a missing database).
 */
export async function postgresProblem(
  databaseUrl: string,
  { serverOnly = false } = {},
): Promise<string | null> {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.slice(1));
  if (serverOnly) url.pathname = '/postgres';
  const client = new Client({
    connectionString: url.toString(),
    connectionTimeoutMillis: ANSWER_WITHIN_MS,
  });
  // A connection that drops after the answer must not become an unhandled 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `Postgres at ${addressOf(url, 5432)} (DATABASE_URL) ${describeFailure(error, database)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why Redis at `redisUrl` cannot serve, or null when it answers PING. */
export async function redisProblem(redisUrl: string): Promise<string | null> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: ANSWER_WITHIN_MS,
    // One attempt: this check is the start's answer, not a reconnecting client.
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
  });
  // connect() rejects with "Connection is closed"; the cause arrives as an 'error' event.
  let cause: unknown;
  redis.on('error', (error) => (cause ??= error));
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return `Redis at ${addressOf(new URL(redisUrl), 6379)} (REDIS_URL) ${describeFailure(cause ?? error)}`;
  } finally {
    redis.disconnect();
  }
}

/**
 * Ends the process with one line (`<who> cannot start: …`) when Postgres or Redis cannot serve, before the application
 * boots: otherwise TypeORM and ioredis would retry for tens of seconds, printing stack traces.
 */
export async function exitUnlessReachable(
  who: string,
  checks: Array<Promise<string | null>>,
): Promise<void> {
  const problems = (await Promise.all(checks)).filter((problem) => problem !== null);
  if (problems.length === 0) return;
  process.stderr.write(`${who} cannot start: ${problems.join('; ')}.\n`);
  process.exit(1);
}
