import { APP_CONFIG, AppConfig, flushTraces } from '@app/core';
import { WorkerHost } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Stops the worker on SIGTERM or SIGINT: every queue worker stops taking jobs and finishes the
 * ones it runs, and only then the rest closes (the relay, the database pool, Redis), since Nest's
 * own order could close the pool under a running job. Past SHUTDOWN_GRACE_MS the process exits
 * with 1; the jobs it still held run again on another worker once their locks expire.
 */
export function handleShutdownSignals(app: INestApplicationContext): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  const logger = app.get(Logger);

  const shutdown = async (signal: string): Promise<void> => {
    const started = Date.now();
    const cutOff = setTimeout(() => {
      logger.error(
        { signal, durationMs: Date.now() - started },
        `Worker shutdown took longer than ${config.shutdownGraceMs} ms; running jobs abandoned`,
        'Shutdown',
      );
      process.exit(1);
    }, config.shutdownGraceMs);
    try {
      const hosts = app
        .get(DiscoveryService, { strict: false })
        .getProviders()
        .map((wrapper) => wrapper.instance as unknown)
        .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
      await Promise.all(hosts.map((host) => host.worker.close()));
      await app.close();
      await flushTraces();
    } catch (error) {
      clearTimeout(cutOff);
      logger.error(
        { signal, durationMs: Date.now() - started, err: error },
        'Worker shutdown failed',
        'Shutdown',
      );
      process.exit(1);
    }
    clearTimeout(cutOff);
    const durationMs = Date.now() - started;
    logger.log({ signal, durationMs }, `Worker shut down in ${durationMs} ms`, 'Shutdown');
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
