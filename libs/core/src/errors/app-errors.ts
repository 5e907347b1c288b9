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
}

/** An expected failure with a contract code and a message a user can act on. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
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

export const rateLimited = (message: string, retryAfterSeconds: number): AppError =>
  new AppError(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds });
