import { ArgumentsHost, Catch, Logger, ServiceUnavailableException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import {
  isLostConnection,
  LOST_CONNECTION_MESSAGE,
  LOST_CONNECTION_RETRY_AFTER_SECONDS,
  lostConnectionError,
} from './lost-connection';

/**
 * Nest picks a filter by testing `exception instanceof T` for the types its @Catch names; this
 * type answers that test with `isLostConnection`, so that the filter below takes exactly the
 * lost connections, whatever class raised them, and every other error keeps its own filter.
 */
export abstract class LostConnection {
  static [Symbol.hasInstance](value: unknown): boolean {
    return isLostConnection(value);
  }
}

/**
 * A lost or unavailable database connection, thrown by any resolver, guard or controller, is
 * answered as SERVICE_UNAVAILABLE with HTTP 503 and `Retry-After` instead of a crash: the
 * client may retry, and with a `clientMutationId` a retried write is never applied twice.
 */
@Catch(LostConnection)
export class LostConnectionFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('Database');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    this.logger.warn(`connection lost: ${(exception as Error).message}`);
    if (host.getType() === 'http') {
      const response: unknown = host.switchToHttp().getResponse();
      this.httpAdapterHost?.httpAdapter.setHeader(
        response,
        'retry-after',
        String(LOST_CONNECTION_RETRY_AFTER_SECONDS),
      );
      return super.catch(new ServiceUnavailableException(LOST_CONNECTION_MESSAGE), host);
    }
    return lostConnectionError();
  }
}
