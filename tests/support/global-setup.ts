import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildTemplateDatabase } from './template-database';

const ROOT = join(__dirname, '..', '..');

/** The end-to-end tier's setup: the database template, and the site's production build. */
export default async function globalSetup(): Promise<void> {
  await buildTemplateDatabase();
  // The site's browser tests serve its production build: built here when older than its sources.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'ensure-built.js'), '--only', 'site'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
}
