import { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './app-errors';
import {
  isLostConnection,
  LOST_CONNECTION_MESSAGE,
  LOST_CONNECTION_RETRY_AFTER_SECONDS,
} from './lost-connection';

const CONTRACT_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Apollo's codes for requests that never ran: a document that does not parse or validate, a
 * malformed request, an operation that cannot be picked, an unknown persisted-query hash (which
 * Apollo Client answers by sending the whole query). Clients and their libraries know these.
 */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export interface ErrorReporter {
  (error: GraphQLFormattedError, original: unknown): void;
}

/** What a contract error may carry besides its code and message. */
const CONTRACT_EXTENSIONS = ['field', 'retryAfterSeconds'];

/**
 * Shapes every error leaving the API: contract codes pass through with their message (and their
 * `field` or `retryAfterSeconds`); requests that never ran keep Apollo's code; a lost database
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
  if (REQUEST_ERROR_CODES.has(code)) return { ...base, extensions: { code } };
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
