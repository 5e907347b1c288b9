import { adminQuery } from './databases';

/** Drops this run's template database. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.TEST_TEMPLATE_DB) {
    await adminQuery(`DROP DATABASE IF EXISTS ${process.env.TEST_TEMPLATE_DB} WITH (FORCE)`);
  }
}
