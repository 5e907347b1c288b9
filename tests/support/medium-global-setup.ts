import { buildTemplateDatabase } from './template-database';

/** The medium tier's setup: the database template only (no site, no API). */
export default buildTemplateDatabase;
