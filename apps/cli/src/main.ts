import 'reflect-metadata';
import { loadConfigOrExit, migrate } from '@app/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createApi } from '../../api/src/create-api';
import { schemaSdl } from '../../api/src/graphql/schema-sdl';
import { grantRole } from './grant-role';
import { seed } from './seed';

const USAGE = `Usage: npm run cli -- <command>
  migrate                     create the database if missing and run pending migrations
  seed                        add demo boards, members, threads, an idea and a product, for trying the
                              platform (prints the credentials; random passwords when NODE_ENV=production)
  grant-role <email> <ROLE>   give a registered member a role (MEMBER AGENT MODERATOR PRODUCT_MANAGER ADMIN)
  schema                      write the GraphQL SDL to apps/api/schema.gql`;

async function run(argv: string[]): Promise<void> {
  const config = loadConfigOrExit();
  const [command, ...args] = argv;
  switch (command) {
    case 'migrate': {
      const applied = await migrate(config.databaseUrl);
      console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
      return;
    }
    case 'grant-role': {
      if (args.length !== 2) throw new Error(USAGE);
      const handle = await grantRole(config.databaseUrl, args[0], args[1].toUpperCase());
      console.log(`@${handle} is now ${args[1].toUpperCase()}.`);
      return;
    }
    case 'seed': {
      // The API booted here serves only the seed's own requests: its info log would bury the
      // credentials table. An explicit LOG_LEVEL still wins.
      process.env.LOG_LEVEL ??= 'warn';
      await migrate(config.databaseUrl);
      const app = await createApi();
      try {
        await seed(app, config.databaseUrl);
      } finally {
        await app.close();
      }
      return;
    }
    case 'schema': {
      const app = await createApi();
      try {
        await app.init();
        const sdl = schemaSdl(app.get(GraphQLSchemaHost).schema);
        writeFileSync(join(process.cwd(), 'apps/api/schema.gql'), sdl);
        console.log('Wrote apps/api/schema.gql');
      } finally {
        await app.close();
      }
      return;
    }
    default:
      throw new Error(USAGE);
  }
}

run(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
