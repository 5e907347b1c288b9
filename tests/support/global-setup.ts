import { migrate } from '../../libs/core/src/database/migrate';
import { adminQuery, databaseUrl, TEMPLATE_DB } from './databases';

/** Builds the migrated template that every test file clones into its own database. */
export default async function globalSetup(): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${TEMPLATE_DB}`);
  await migrate(databaseUrl(TEMPLATE_DB));
}
