import { AccountStatus, CoreModule, Role, Viewer } from '@app/core';
import { DynamicModule, INestApplicationContext, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { adminQuery, databaseUrl, templateDatabase } from './databases';
import { dropTestResources, REDIS_URL } from './test-resources';

/**
 * The medium tier: the services and repositories of one or more libs, wired by Nest as in the
 * API, against a real database (a clone of the migrated template) and the real Redis, with no
 * HTTP or GraphQL in between. Every statement runs for real; a test calls a service or a
 * repository directly and reads the tables with `sql`.
 */
export class MediumTest {
  readonly name = `cm_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  readonly databaseUrl = databaseUrl(this.name);
  private app!: INestApplicationContext;
  private db!: Client;

  /** Creates the database and builds the modules (their dependencies come with them). */
  async start(
    imports: Array<Type | DynamicModule>,
    env: Record<string, string> = {},
  ): Promise<this> {
    await adminQuery(`CREATE DATABASE ${this.name} TEMPLATE ${templateDatabase()}`);
    Object.assign(process.env, {
      NODE_ENV: 'test',
      DATABASE_URL: this.databaseUrl,
      DATABASE_POOL_SIZE: '8',
      REDIS_URL,
      REDIS_PREFIX: this.name,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      AUTOMOD_THRESHOLD: '100',
      ...env,
    });
    @Module({ imports: [CoreModule, ...imports] })
    class MediumRoot {}
    this.app = await NestFactory.createApplicationContext(MediumRoot, { logger: false });
    this.db = new Client({ connectionString: this.databaseUrl });
    await this.db.connect();
    return this;
  }

  /** A provider of the modules under test (a service or a repository), private ones included. */
  get<T>(type: Type<T> | string | symbol): T {
    return this.app.get<T>(type, { strict: false });
  }

  /** Runs SQL on the test's database, for setup and for checking what was written. */
  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query(text, params)).rows as T[];
  }

  /** Inserts a member straight into the database and returns their id. */
  async member(role: Role = Role.MEMBER): Promise<string> {
    const handle = `m_${randomBytes(5).toString('hex')}`;
    const [row] = await this.sql<{ id: string }>(
      `INSERT INTO users (id, handle, email, display_name, password_hash, role)
       VALUES (gen_random_uuid(), $1, $1 || '@example.com', $1, 'not-a-hash', $2) RETURNING id`,
      [handle, role],
    );
    return row.id;
  }

  /** The viewer a signed-in member would be, for calling services as them. */
  async viewer(role: Role = Role.MEMBER): Promise<Viewer> {
    const id = await this.member(role);
    const [{ handle }] = await this.sql<{ handle: string }>(
      'SELECT handle FROM users WHERE id = $1',
      [id],
    );
    return { id, handle, role, status: AccountStatus.ACTIVE, sessionId: randomUUID() };
  }

  /** Closes the modules and drops the database and the Redis keys of this test. */
  async stop(): Promise<void> {
    await this.app?.close();
    await this.db?.end();
    await dropTestResources(this.name);
  }
}
