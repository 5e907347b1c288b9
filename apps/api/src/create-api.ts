import { APP_CONFIG, AppConfig, ErrorCode } from '@app/core';
import { FastifyError } from 'fastify';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ApiMetrics } from './metrics/metrics';

/** Builds the API application (not yet listening). */
export async function createApi(): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: 1024 * 1024, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const metrics = app.get(ApiMetrics);
  const fastify = app.getHttpAdapter().getInstance();
  // Set after init, which installs Nest's own handler: a body Fastify cannot take (too large,
  // not JSON) still gets a GraphQL error with a code.
  await app.init();
  fastify.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) return reply.send(error);
    return reply.status(status).send({
      errors: [{ message: error.message, extensions: { code: ErrorCode.BAD_USER_INPUT } }],
    });
  });
  fastify.addHook('onResponse', async (request, reply) => {
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
