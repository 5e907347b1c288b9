import './tracing';
import 'reflect-metadata';
import { exitUnlessReachable, loadConfigOrExit, postgresProblem, redisProblem } from '@app/core';
import { configuredPort, createApi } from './create-api';
import { handleShutdownSignals } from './shutdown/graceful-shutdown';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  await exitUnlessReachable('The API', [
    postgresProblem(config.databaseUrl),
    redisProblem(config.redisUrl),
  ]);
  const app = await createApi();
  handleShutdownSignals(app);
  await app.listen(configuredPort(app), '0.0.0.0');
}

void main();
