import { exitUnlessReachable, loadConfigOrExit, postgresProblem, redisProblem } from '@app/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Command } from 'nest-commander';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApi } from '../../../api/src/create-api';
import { schemaSdl } from '../../../api/src/graphql/schema-sdl';
import { CliCommand } from './cli-command';

const SCHEMA_FILE = 'apps/api/schema.gql';

@Command({ name: 'schema', description: `write the GraphQL SDL to ${SCHEMA_FILE}` })
export class SchemaCommand extends CliCommand {
  async run(): Promise<void> {
    // The schema comes from a booted API, which connects to both.
    const { databaseUrl, redisUrl } = loadConfigOrExit();
    await exitUnlessReachable('schema', [postgresProblem(databaseUrl), redisProblem(redisUrl)]);
    const app = await createApi();
    try {
      await app.init();
      writeFileSync(join(process.cwd(), SCHEMA_FILE), schemaSdl(app.get(GraphQLSchemaHost).schema));
      console.log(`Wrote ${SCHEMA_FILE}`);
    } finally {
      await app.close();
    }
  }
}
