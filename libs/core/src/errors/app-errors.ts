import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** The error codes of the public contract; every expected failure carries one of them. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /**
   * A dependency (the database) was lost mid-request: retry. A write may have committed just
   * before the loss, so a retried write carries the same clientMutationId to be applied once.
   */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/**
 * The HTTP status of a response whose operation was refused as a whole. Errors of single
 * fields inside an executed operation keep HTTP 200, as GraphQL over HTTP expects.
 */
const REFUSAL_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** An expected failure with a contract code and a message a user can act on. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

/**
 * The same error marked as refusing the whole operation, so that Apollo answers with its HTTP
 * status (and `Retry-After` for RATE_LIMITED and SERVICE_UNAVAILABLE).
 */
export function asRefusal(error: AppError): AppError {
  const code = error.extensions.code as ErrorCode;
  const status = REFUSAL_STATUS[code];
  if (!status) return error;
  const headers = new HeaderMap();
  const retryAfter = error.extensions.retryAfterSeconds;
  if (typeof retryAfter === 'number') headers.set('retry-after', String(Math.ceil(retryAfter)));
  error.extensions.http = { status, headers };
  return error;
}

export const unauthenticated = (message = 'You need to sign in to do this'): AppError =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);

export const forbidden = (message = 'You are not allowed to do this'): AppError =>
  new AppError(ErrorCode.FORBIDDEN, message);

export const notFound = (what: string): AppError =>
  new AppError(ErrorCode.NOT_FOUND, `${what} was not found`);

/** Bad input on one named field. */
export const badInput = (field: string, message: string): AppError =>
  new AppError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field });

export const conflict = (message: string): AppError => new AppError(ErrorCode.CONFLICT, message);

/** Too many calls: refuses the operation with HTTP 429 and `Retry-After`. */
export const rateLimited = (message: string, retryAfterSeconds: number): AppError =>
  asRefusal(new AppError(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds }));

/** A lost dependency: HTTP 503 with `Retry-After`; the client retries (writes with their key). */
export const serviceUnavailable = (
  message = 'The service is briefly unavailable; please retry',
  retryAfterSeconds = 1,
): AppError =>
  asRefusal(new AppError(ErrorCode.SERVICE_UNAVAILABLE, message, { retryAfterSeconds }));
