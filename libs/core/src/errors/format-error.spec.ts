import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { badInput, ErrorCode, forbidden, rateLimited, serviceUnavailable } from './app-errors';
import { lostConnectionError } from './lost-connection';
import { formatError } from './format-error';

const GENERIC_MESSAGE = 'Something went wrong on our side; please try again';

const location = { line: 3, column: 5 };

/** What Apollo hands formatError in development: the error's own shape plus a stack trace. */
function formattedFrom(error: GraphQLError, extra: Record<string, unknown> = {}) {
  const formatted = error.toJSON();
  return {
    ...formatted,
    locations: [location],
    path: ['viewer', 'posts'],
    extensions: {
      ...formatted.extensions,
      stacktrace: ['Error: boom', '    at Object.<anonymous> (/srv/app/secret-file.ts:10:5)'],
      ...extra,
    },
  } satisfies GraphQLFormattedError;
}

const noReport = () => {
  throw new Error('the reporter must not be called for an expected error');
};

describe('formatError', () => {
  describe('contract codes', () => {
    it.each(Object.values(ErrorCode))('passes %s through with its message', (code) => {
      const formatted: GraphQLFormattedError = {
        message: `a ${code} message`,
        extensions: { code },
      };
      expect(formatError(formatted, undefined, noReport)).toEqual({
        message: `a ${code} message`,
        locations: undefined,
        path: undefined,
        extensions: { code },
      });
    });

    it('keeps the field of a bad input error', () => {
      const error = badInput('title', 'must be 8 to 200 characters');
      const result = formatError(formattedFrom(error), error, noReport);
      expect(result.message).toBe('title: must be 8 to 200 characters');
      expect(result.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
    });

    it('keeps retryAfterSeconds of a rate limit error', () => {
      const error = rateLimited('Too many attempts', 900);
      const result = formatError(formattedFrom(error), error, noReport);
      expect(result.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 900 });
    });

    it('keeps the code and retryAfterSeconds of a service unavailable error, never its HTTP head', () => {
      const error = lostConnectionError();
      const result = formatError(formattedFrom(error), error, noReport);
      expect(result.message).toBe('The database is briefly unavailable; please retry');
      expect(result.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 });
    });

    it('keeps a longer Retry-After of SERVICE_UNAVAILABLE as it is', () => {
      const error = serviceUnavailable('Maintenance', 30);
      const result = formatError(formattedFrom(error), error, noReport);
      expect(result).toMatchObject({
        message: 'Maintenance',
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 30 },
      });
    });

    it('keeps the locations and path', () => {
      const error = forbidden();
      const result = formatError(formattedFrom(error), error, noReport);
      expect(result.locations).toEqual([location]);
      expect(result.path).toEqual(['viewer', 'posts']);
    });

    it('drops the stack trace and exception internals', () => {
      const error = forbidden();
      const result = formatError(
        formattedFrom(error, {
          exception: { stacktrace: ['at secret'], query: 'SELECT * FROM users' },
          internalDetail: 'pg pool exhausted',
        }),
        error,
        noReport,
      );
      expect(result.extensions).toEqual({ code: 'FORBIDDEN' });
      expect(JSON.stringify(result)).not.toMatch(/stacktrace|secret|SELECT|pg pool/);
    });

    it('does not report expected errors', () => {
      const report = jest.fn();
      formatError({ message: 'nope', extensions: { code: 'NOT_FOUND' } }, undefined, report);
      expect(report).not.toHaveBeenCalled();
    });
  });

  describe('requests that never run', () => {
    it.each([
      'GRAPHQL_PARSE_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
      'BAD_REQUEST',
      'OPERATION_RESOLUTION_FAILURE',
      'PERSISTED_QUERY_NOT_FOUND',
      'PERSISTED_QUERY_NOT_SUPPORTED',
    ])("keep Apollo's code %s and the message, without the stack trace", (code) => {
      const result = formatError(
        {
          message: 'Cannot query field "nope" on type "Query".',
          locations: [location],
          extensions: { code, stacktrace: ['GraphQLError: Cannot query', '    at validate'] },
        },
        undefined,
        noReport,
      );
      expect(result).toEqual({
        message: 'Cannot query field "nope" on type "Query".',
        locations: [location],
        path: undefined,
        extensions: { code },
      });
    });
  });

  describe('unexpected errors', () => {
    const leaky = new Error('duplicate key value violates unique constraint "users_email_key"');
    const formatted: GraphQLFormattedError = {
      message: leaky.message,
      locations: [location],
      path: ['register'],
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        stacktrace: (leaky.stack ?? '').split('\n'),
      },
    };

    it('answers with a generic INTERNAL_SERVER_ERROR message', () => {
      const result = formatError(formatted, leaky, () => undefined);
      expect(result).toEqual({
        message: GENERIC_MESSAGE,
        locations: [location],
        path: ['register'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    });

    it('never leaks the original message or stack', () => {
      const serialized = JSON.stringify(formatError(formatted, leaky, () => undefined));
      expect(serialized).not.toContain('users_email_key');
      expect(serialized).not.toContain('stacktrace');
      expect(serialized).not.toContain('format-error.spec');
    });

    it('reports the error and its original to the reporter, once', () => {
      const report = jest.fn();
      formatError(formatted, leaky, report);
      expect(report).toHaveBeenCalledTimes(1);
      expect(report).toHaveBeenCalledWith(formatted, leaky);
    });

    it('treats an error without a code as unexpected', () => {
      const report = jest.fn();
      const result = formatError({ message: 'TypeError: x is undefined' }, undefined, report);
      expect(result.message).toBe(GENERIC_MESSAGE);
      expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(report).toHaveBeenCalledTimes(1);
    });

    it('treats an unknown code as unexpected rather than passing it on', () => {
      const report = jest.fn();
      const result = formatError(
        { message: 'connect ECONNREFUSED 10.0.0.5:5432', extensions: { code: 'ECONNREFUSED' } },
        undefined,
        report,
      );
      expect(result.message).toBe(GENERIC_MESSAGE);
      expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(report).toHaveBeenCalledTimes(1);
    });

    it('answers a lost connection that bypassed the filters as SERVICE_UNAVAILABLE, unreported', () => {
      const original = Object.assign(new Error('located'), {
        originalError: new QueryFailedError(
          'INSERT INTO posts (id) VALUES ($1)',
          [],
          Object.assign(new Error('terminating connection due to administrator command'), {
            code: '57P01',
          }),
        ),
      });
      const report = jest.fn();
      const result = formatError(
        {
          message: 'terminating connection due to administrator command',
          path: ['postAnswer'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at pg'] },
        },
        original,
        report,
      );
      expect(result).toEqual({
        message: 'The database is briefly unavailable; please retry',
        locations: undefined,
        path: ['postAnswer'],
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 },
      });
      expect(report).not.toHaveBeenCalled();
    });

    it('does not take a lower-case look-alike of a contract code for the real one', () => {
      const report = jest.fn();
      const result = formatError(
        { message: 'internal detail', extensions: { code: 'forbidden' } },
        undefined,
        report,
      );
      expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(report).toHaveBeenCalled();
    });
  });
});
