import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A GraphQL request refused by the HTTP layer before GraphQL sees it (a body too large, not
 * JSON) still gets a GraphQL error, with Apollo's code for a malformed request (BAD_REQUEST).
 * Everything else keeps Nest's handling.
 */
@Catch()
export class HttpRefusalFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return exception;
    const http = host.switchToHttp();
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    const isGraphQL = http.getRequest<FastifyRequest>().url.startsWith('/graphql');
    if (!isGraphQL || status < 400 || status >= 500) return super.catch(exception, host);
    const message = (exception as HttpException).message;
    return http
      .getResponse<FastifyReply>()
      .status(status)
      .send({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  }
}
