import { loadConfigOrExit, migrate } from '@app/core';
import { Command } from 'nest-commander';
import { CliCommand } from './cli-command';

@Command({
  name: 'migrate',
  description: 'create the database if missing and run pending migrations',
})
export class MigrateCommand extends CliCommand {
  async run(): Promise<void> {
    const applied = await migrate(loadConfigOrExit().databaseUrl);
    console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
  }
}
