// The data source the TypeORM command line uses (`typeorm -d dist/libs/core/src/database/data-source.js`).
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

export default new DataSource(
  dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/community'),
);
