import { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './app-errors';
import {
  isLostConnection,
  LOST_CONNECTION_MESSAGE,
  LOST_CONNECTION_RETRY_AFTER_SECONDS,
} from './lost-connection';

const CONTRACT_CODES = new Set<string>(Object.values(ErrorCode));

/** Codes that graphql-js and Apollo raise for a malformed request: all of them are bad input. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

export interface ErrorReporter {
  (error: GraphQLFormattedError, original: unknown): void;
}

/** What a contract error may carry besides its code and message. */
const CONTRACT_EXTENSIONS = ['field', 'retryAfterSeconds'];

/**
 * Shapes every error leaving the API: contract codes pass through with their message (and their
 * `field` or `retryAfterSeconds`); malformed requests become BAD_USER_INPUT; a lost database
 * connection that reached here without passing the LostConnectionFilter still becomes
 * SERVICE_UNAVAILABLE; anything else unexpected becomes a generic INTERNAL_SERVER_ERROR that is
 * reported to the log. Stack traces and exception internals never leave.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  original: unknown,
  report: ErrorReporter,
): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (CONTRACT_CODES.has(code)) {
    const extensions: Record<string, unknown> = { code };
    for (const key of CONTRACT_EXTENSIONS) {
      if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    }
    return { ...base, extensions };
  }
  if (REQUEST_ERROR_CODES.has(code)) {
    return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  if (isLostConnection(original)) {
    return {
      message: LOST_CONNECTION_MESSAGE,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: ErrorCode.SERVICE_UNAVAILABLE,
        retryAfterSeconds: LOST_CONNECTION_RETRY_AFTER_SECONDS,
      },
    };
  }
  report(formatted, original);
  return {
    message: 'Something went wrong on our side; please try again',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
