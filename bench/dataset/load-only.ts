// `node dist/bench/dataset/load-only.js [small|medium|large]`: builds only the dataset, in
// BENCH_DATABASE (dropped first), and prints its rows per second and its hot targets; for
// measuring the generator without the rest of the bench.
import 'reflect-metadata';
import argon2 from 'argon2';
import { Client } from 'pg';
import { migrate } from '@app/core';
import { seedDataset } from '../dataset';
import { SCALES } from '../options';
import { hotTargets } from './hot-targets';

async function main(): Promise<void> {
  const scale = process.argv[2] ?? 'small';
  const size = SCALES[scale];
  if (!size) throw new Error(`scale must be one of ${Object.keys(SCALES).join(', ')}: ${scale}`);
  const name = process.env.BENCH_DATABASE ?? 'community_bench_dataset';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain name: ${name}`);
  const adminUrl =
    process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  const hash = await argon2.hash('bench-password', { type: argon2.argon2id });
  const started = Date.now();
  const rows = await seedDataset(url.toString(), size, hash);
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `${scale}: ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s) into ${name}`,
  );
  console.log(JSON.stringify(await hotTargets(url.toString()), null, 2));
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
