// By path, not through core's index: jest's global setup runs without the @app/* mapping, in the
// process that also runs the tests in band, where loading all of core would leave its GraphQL
// type metadata behind for the test files.
import { migrate } from '../../libs/core/src/database/migrate';
import { adminQuery, databaseUrl } from './databases';

/**
 * Builds the migrated template that every test file clones into its own database, once per run
 * however many tiers ask for it. The name is per run, so two runs on one server never rebuild
 * each other's template; test workers inherit it through the environment.
 */
export async function buildTemplateDatabase(): Promise<void> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) {
    throw new Error(
      `the tests run on Node 24 (this is ${process.version}): run them through npm, which finds the Node that npm ci installed`,
    );
  }
  if (process.env.TEST_TEMPLATE_DB) return;
  const template = `community_test_template_${process.pid}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${template}`);
  await migrate(databaseUrl(template));
  process.env.TEST_TEMPLATE_DB = template;
}
