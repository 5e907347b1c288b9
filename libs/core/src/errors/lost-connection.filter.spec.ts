import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { FILTER_CATCH_EXCEPTIONS } from '@nestjs/common/constants';
import { selectExceptionFilterMetadata } from '@nestjs/common/utils/select-exception-filter-metadata.util';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { ErrorCode, forbidden } from './app-errors';
import { ExpectedErrorFilter } from './expected-error.filter';
import { LostConnection, LostConnectionFilter } from './lost-connection.filter';

@Catch()
class CatchAll {
  catch(): void {}
}

const graphqlHost = { getType: () => 'graphql' } as unknown as ArgumentsHost;
const terminated = () =>
  new QueryFailedError('INSERT INTO posts …', [], new Error('Connection terminated unexpectedly'));

describe('LostConnectionFilter', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('turns a lost connection into SERVICE_UNAVAILABLE with HTTP 503 and Retry-After', () => {
    const error = new LostConnectionFilter().catch(terminated(), graphqlHost) as GraphQLError;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(error.extensions.retryAfterSeconds).toBe(1);
    const http = error.extensions.http as { status: number; headers: Map<string, string> };
    expect(http.status).toBe(503);
    expect(http.headers.get('retry-after')).toBe('1');
    expect(error.message).not.toMatch(/INSERT|terminated/);
  });

  it('is chosen by Nest for lost connections only, ahead of the catch-all', () => {
    // Nest tries the global filters in reverse order of registration: the last one first.
    const filters = [CatchAll, ExpectedErrorFilter, LostConnectionFilter].reverse().map((type) => ({
      func: type.name,
      exceptionMetatypes: Reflect.getMetadata(FILTER_CATCH_EXCEPTIONS, type) as unknown[],
    }));
    const chosen = (error: unknown) =>
      (selectExceptionFilterMetadata(filters as never, error) as { func: string } | undefined)
        ?.func;
    expect(chosen(terminated())).toBe('LostConnectionFilter');
    expect(chosen(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(
      'LostConnectionFilter',
    );
    expect(chosen(forbidden())).toBe('ExpectedErrorFilter');
    expect(chosen(new TypeError('x is undefined'))).toBe('CatchAll');
  });

  it('answers instanceof by what the error says, not by its class', () => {
    expect(terminated() instanceof LostConnection).toBe(true);
    expect(new Error('duplicate key') instanceof LostConnection).toBe(false);
  });
});
