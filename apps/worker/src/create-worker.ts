import { APP_CONFIG, AppConfig } from '@app/core';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/**
 * Builds and starts the worker: the relay and processors run once it is initialised, and its
 * health and metrics answer on WORKER_PORT (0 for any free port; the address is logged).
 */
export async function createWorker(): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(WorkerModule, new FastifyAdapter(), {
    bufferLogs: true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  // On every interface, as the API: a scraper or probe comes from outside the container.
  await app.listen(app.get<AppConfig>(APP_CONFIG).workerPort, '0.0.0.0');
  const url = await app.getUrl();
  logger.log({ url }, `Worker health and metrics on ${url}`, 'WorkerHttp');
  return app;
}
