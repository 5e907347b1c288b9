import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';

// Commander answers --help (exit 0) and usage mistakes such as an unknown command or a missing
// argument (a message, exit 1) by itself; a command that fails is one line here, exit 1.
CommandFactory.run(CliModule, {
  // Nest's logger is one per process: false would also silence why the API that seed and schema
  // boot failed to start; its info lines would bury a command's own output.
  logger: ['error', 'warn'],
  serviceErrorHandler: (error) => {
    console.error(error.message);
    process.exitCode = 1;
  },
}).then(
  // A finished command must not be kept alive by a client it left open.
  () => process.exit(),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
