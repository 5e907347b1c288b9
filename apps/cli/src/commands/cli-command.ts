import { CommandRunner } from 'nest-commander';

/** The commander instance of one command, as nest-commander hands it over. */
export type CommanderCommand = Parameters<CommandRunner['setCommand']>[0];

/**
 * A command that refuses arguments it does not declare (commander 11, nest-commander's, would
 * pass them over silently, so `grant-role a@b.com ADMIN extra` would seem to have worked), and
 * says where its usage is after such a mistake.
 */
export abstract class CliCommand extends CommandRunner {
  override setCommand(command: CommanderCommand): this {
    command.allowExcessArguments(false).showHelpAfterError('(add --help for its usage)');
    return super.setCommand(command);
  }
}
