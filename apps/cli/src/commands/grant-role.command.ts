import { loadConfigOrExit, Role } from '@app/core';
import { Command } from 'nest-commander';
import { grantRole } from '../grant-role';
import { CliCommand } from './cli-command';

@Command({
  name: 'grant-role',
  arguments: '<email> <role>',
  argsDescription: {
    email: 'the email the member registered with',
    role: `${Object.values(Role).join(', ')} (any case)`,
  },
  description: 'give a registered member a role (bootstraps the first admin)',
})
export class GrantRoleCommand extends CliCommand {
  async run([email, role]: string[]): Promise<void> {
    const wanted = role.toUpperCase();
    const handle = await grantRole(loadConfigOrExit().databaseUrl, email, wanted);
    console.log(`@${handle} is now ${wanted}.`);
  }
}
