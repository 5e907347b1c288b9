import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { AppError, serviceUnavailable } from './app-errors';

/** Seconds a client is asked to wait before retrying after a lost connection. */
export const LOST_CONNECTION_RETRY_AFTER_SECONDS = 1;

export const LOST_CONNECTION_MESSAGE = 'The database is briefly unavailable; please retry';

/** The contract error a lost connection becomes: SERVICE_UNAVAILABLE, HTTP 503, Retry-After. */
export function lostConnectionError(): AppError {
  return serviceUnavailable(LOST_CONNECTION_MESSAGE, LOST_CONNECTION_RETRY_AFTER_SECONDS);
}

/**
 * Socket errors of a connection that broke or could not be made: the database is restarting,
 * failing over, or out of reach for a moment.
 */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that dropped or refused the session (class 08 is matched as a class):
 * admin_shutdown, crash_shutdown, cannot_connect_now, idle_session_timeout, too_many_connections.
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '57P05', '53300']);

/** What node-postgres and its pool say when a connection ends, fails or cannot be had in time. */
const CLIENT_MESSAGES = [
  /^Connection terminated\b/,
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^timeout exceeded when trying to connect/,
  /^timeout expired$/,
  /^terminating connection due to administrator command/,
  /^the database system is (starting up|shutting down|in recovery mode)/,
  /^sorry, too many clients already/,
];

/** How deep wrapped causes are followed; cycles and pathological chains stop there. */
const MAX_DEPTH = 5;

/**
 * Whether `error` says the database connection was lost or could not be had: a socket error,
 * a server that terminated or refused the session, node-postgres giving up on a client, or the
 * pool timing out, TypeORM finding a transaction's connection released by such a failure. Wrapping errors (TypeORM's QueryFailedError and its `driverError`, `cause`,
 * GraphQL's `originalError`, AggregateError's `errors`) are looked through. Errors about the
 * statement itself (a constraint, a syntax error, a cancelled query) are not lost connections.
 */
export function isLostConnection(error: unknown): boolean {
  return lost(error, 0);
}

function lost(error: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH || typeof error !== 'object' || error === null) return false;
  // TypeORM releases a transaction's query runner when its connection fails while idle between
  // two statements; the next statement then finds it released.
  if (
    error instanceof QueryRunnerAlreadyReleasedError ||
    error instanceof QueryRunnerProviderAlreadyReleasedError
  ) {
    return true;
  }
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (SOCKET_CODES.has(code) || SERVER_CODES.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (typeof message === 'string' && CLIENT_MESSAGES.some((pattern) => pattern.test(message))) {
    return true;
  }
  const wrapper = error as {
    driverError?: unknown;
    cause?: unknown;
    originalError?: unknown;
    errors?: unknown;
  };
  for (const inner of [wrapper.driverError, wrapper.cause, wrapper.originalError]) {
    if (inner !== error && lost(inner, depth + 1)) return true;
  }
  return Array.isArray(wrapper.errors) && wrapper.errors.some((inner) => lost(inner, depth + 1));
}
