import './tracing';
import 'reflect-metadata';
import { exitUnlessReachable, loadConfigOrExit, postgresProblem, redisProblem } from '@app/core';
import { createWorker } from './create-worker';
import { handleShutdownSignals } from './graceful-shutdown';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  await exitUnlessReachable('The worker', [
    postgresProblem(config.databaseUrl),
    redisProblem(config.redisUrl),
  ]);
  handleShutdownSignals(await createWorker());
}

void main();
