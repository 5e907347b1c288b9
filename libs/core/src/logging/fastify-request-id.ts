import { FastifyReply, FastifyRequest } from 'fastify';
import { IncomingMessage } from 'node:http';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';

/**
 * Fastify's `genReqId`: the request goes by the id it brought (when acceptable) or a fresh UUID.
 * pino-http keeps the id Fastify gave, so the logs, Fastify and the outbox share one id.
 */
export function requestIdOf(request: IncomingMessage): string {
  return requestIdFrom(request.headers[REQUEST_ID_HEADER]);
}

/** An `onRequest` hook that tells the client which id its request goes by. */
export async function echoRequestId(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header(REQUEST_ID_HEADER, request.id);
}
