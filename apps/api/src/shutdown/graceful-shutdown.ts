import { APP_CONFIG, AppConfig, flushTraces } from '@app/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { setTimeout as sleep } from 'node:timers/promises';
import { LiveServer } from '../graphql/live-server';

const READY_PATH = '/health/ready';
const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Stops the API on SIGTERM or SIGINT without dropping a request. In order:
 *
 * 1. Readiness answers 503 and every response says `Connection: close`, while everything is still
 *    served for SHUTDOWN_DELAY_MS: balancers see the 503 and stop sending, keep-alive clients
 *    move their next request elsewhere, and whatever was sent before the signal still arrives.
 * 2. The listener closes and WebSocket clients are closed with 1001 (going away); the requests
 *    in progress finish.
 * 3. Only then the rest of the application closes (GraphQL, the database pool, Redis): Nest's
 *    own order would close the pool while requests still needed it.
 *
 * Past SHUTDOWN_GRACE_MS from the signal, the connections left are destroyed and the process
 * exits with 1. Call before `listen`, since it adds a Fastify hook.
 */
export function handleShutdownSignals(app: NestFastifyApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  const logger = app.get(Logger);
  const fastify = app.getHttpAdapter().getInstance();
  let draining = false;

  fastify.addHook('onRequest', async (request, reply) => {
    if (!draining) return;
    reply.header('connection', 'close');
    if (request.url.split('?')[0] === READY_PATH) {
      reply.code(503).send({
        status: 'error',
        info: {},
        error: { shutdown: { status: 'down', message: 'shutting down' } },
        details: { shutdown: { status: 'down', message: 'shutting down' } },
      });
      return reply;
    }
  });

  const shutdown = async (signal: string): Promise<void> => {
    const started = Date.now();
    draining = true;
    const cutOff = setTimeout(() => {
      fastify.server.closeAllConnections();
      logger.error(
        { signal, durationMs: Date.now() - started },
        `API shutdown took longer than ${config.shutdownGraceMs} ms; remaining connections destroyed`,
        'Shutdown',
      );
      process.exit(1);
    }, config.shutdownGraceMs);
    try {
      await sleep(config.shutdownDelayMs);
      await Promise.all([app.get(LiveServer).close(1001, 'Server shutting down'), fastify.close()]);
      await app.close();
      await flushTraces();
    } catch (error) {
      clearTimeout(cutOff);
      logger.error(
        { signal, durationMs: Date.now() - started, err: error },
        'API shutdown failed',
        'Shutdown',
      );
      process.exit(1);
    }
    clearTimeout(cutOff);
    const durationMs = Date.now() - started;
    logger.log({ signal, durationMs }, `API shut down in ${durationMs} ms`, 'Shutdown');
    process.exit(0);
  };

  let stopping = false;
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      // A second signal changes nothing: the grace period already bounds the wait.
      if (stopping) return;
      stopping = true;
      void shutdown(signal);
    });
  }
}
