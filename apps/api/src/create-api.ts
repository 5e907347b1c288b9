import { APP_CONFIG, AppConfig, echoRequestId, loadConfigOrExit, requestIdOf } from '@app/core';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ApiMetrics } from './metrics/metrics';
import { ResponseCacheHook } from './response-cache/response-cache.hook';
import { securityHeaders } from './security-headers';
import { DOCUMENT_LIMITS } from './graphql/limits/document-limits';
import { trustFunction } from './trust-proxy';

/** Builds the API application (not yet listening). */
export async function createApi(): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: DOCUMENT_LIMITS.maxMessageBytes,
    // X-Forwarded-For is believed only from the proxies TRUST_PROXY names.
    trustProxy: trustFunction(loadConfigOrExit().trustProxy),
    // While the API drains, a request on an open keep-alive connection is still served (with
    // Connection: close) instead of refused: its client sent it before it could know.
    return503OnClosing: false,
    genReqId: requestIdOf,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.getHttpAdapter().getInstance().addHook('onRequest', echoRequestId);
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.register(helmet, securityHeaders(config));
  // Browsers on the listed origins may call the API (preflight answered); others get no CORS
  // headers, so their pages cannot read its answers.
  await app.register(cors, {
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-request-id'],
    // A page may read the id its request went by, to quote it when it reports a problem.
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });
  // Anonymous reads of unchanged threads are answered here, before GraphQL runs.
  app.getHttpAdapter().getInstance().addHook('preHandler', app.get(ResponseCacheHook).preHandler);
  const metrics = app.get(ApiMetrics);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (request, reply) => {
      metrics.requestDuration.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
          status: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
    });
  return app;
}

/** The port the configuration asks for. */
export function configuredPort(app: NestFastifyApplication): number {
  return app.get<AppConfig>(APP_CONFIG).port;
}
