import { exitUnlessReachable, loadConfigOrExit, migrate, postgresProblem } from '@app/core';
import { Command } from 'nest-commander';
import { CliCommand } from './cli-command';

@Command({
  name: 'migrate',
  description: 'create the database if missing and run pending migrations',
})
export class MigrateCommand extends CliCommand {
  async run(): Promise<void> {
    const { databaseUrl } = loadConfigOrExit();
    // The server only: a missing database is what migrate creates.
    await exitUnlessReachable('migrate', [postgresProblem(databaseUrl, { serverOnly: true })]);
    const applied = await migrate(databaseUrl);
    console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
  }
}
