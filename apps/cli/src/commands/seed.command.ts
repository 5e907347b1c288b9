import {
  exitUnlessReachable,
  loadConfigOrExit,
  migrate,
  postgresProblem,
  redisProblem,
} from '@app/core';
import { Command } from 'nest-commander';
import { createApi } from '../../../api/src/create-api';
import { seed } from '../seed';
import { CliCommand } from './cli-command';

@Command({
  name: 'seed',
  description:
    'add demo boards, members, threads, an idea and a product, for trying the platform ' +
    '(prints the credentials; random passwords when NODE_ENV=production)',
})
export class SeedCommand extends CliCommand {
  async run(): Promise<void> {
    const { databaseUrl, redisUrl } = loadConfigOrExit();
    await exitUnlessReachable('seed', [
      postgresProblem(databaseUrl, { serverOnly: true }),
      redisProblem(redisUrl),
    ]);
    // The API booted here serves only the seed's own requests: its info log would bury the
    // credentials table. An explicit LOG_LEVEL still wins.
    process.env.LOG_LEVEL ??= 'warn';
    await migrate(databaseUrl);
    const app = await createApi();
    try {
      await seed(app, databaseUrl);
    } finally {
      await app.close();
    }
  }
}
