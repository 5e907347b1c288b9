import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { migrate } from '../../libs/core/src/database/migrate';
import { adminQuery, databaseUrl } from './databases';

const ROOT = join(__dirname, '..', '..');

/**
 * Builds the migrated template that every test file clones into its own database. The name is
 * per run, so two runs on one server never rebuild each other's template; test workers inherit
 * it through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) {
    throw new Error(
      `the tests run on Node 24 (this is ${process.version}): run them through npm, which finds the Node that npm ci installed`,
    );
  }
  const template = `community_test_template_${process.pid}`;
  process.env.TEST_TEMPLATE_DB = template;
  await adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${template}`);
  await migrate(databaseUrl(template));
  // The site's browser tests serve its production build: built here when older than its sources.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'ensure-built.js'), '--only', 'site'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
}
