import { APP_CONFIG, AppConfig, loadConfigOrExit } from '@app/core';
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ApiMetrics } from './metrics/metrics';
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
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.register(helmet, securityHeaders(app.get<AppConfig>(APP_CONFIG)));
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
