import { Module } from '@nestjs/common';
import { GrantRoleCommand } from './commands/grant-role.command';
import { MigrateCommand } from './commands/migrate.command';
import { SchemaCommand } from './commands/schema.command';
import { SeedCommand } from './commands/seed.command';
import { Program } from './program';

/** The CLI's commands; each loads the configuration itself, so `--help` needs none. */
@Module({ providers: [Program, MigrateCommand, SeedCommand, GrantRoleCommand, SchemaCommand] })
export class CliModule {}
