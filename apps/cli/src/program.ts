import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectCommander } from 'nest-commander';
import { CommanderCommand } from './commands/cli-command';

/** How people start the CLI, shown in its help instead of the script's file name (`main`). */
export const CLI_NAME = 'npm run cli --';

/** Names and describes the root command, whose subcommands nest-commander adds. */
@Injectable()
export class Program implements OnModuleInit {
  constructor(@InjectCommander() private readonly program: CommanderCommand) {}

  onModuleInit(): void {
    this.program
      .name(CLI_NAME)
      .description('Maintenance commands of the community platform.')
      .showHelpAfterError(`(${CLI_NAME} --help lists the commands)`);
  }
}
