import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createApi } from '../../apps/api/src/create-api';
import { createWorker } from '../../apps/worker/src/create-worker';
import { adminQuery, databaseUrl, templateDatabase } from './databases';
import { dropTestResources, REDIS_URL } from './test-resources';
import { GraphQLResponse, ok, postGraphQL } from './graphql-client';

export interface TestAppOptions {
  /** Start the worker too (the outbox relay and the event handlers). */
  worker?: boolean;
  /** Extra environment for the API and the worker. */
  env?: Record<string, string>;
  /** Extra environment for the worker only (e.g. REDIS_URL through a proxy). */
  workerEnv?: Record<string, string>;
}

export interface Member {
  id: string;
  handle: string;
  email: string;
  password: string;
  token: string;
}

/**
 * One isolated platform for a test file: its own database cloned from the migrated template,
 * its own Redis key prefix, the API listening on a free port, and optionally the worker.
 */
export class TestApp {
  readonly name = `ct_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  readonly databaseUrl = databaseUrl(this.name);
  api!: NestFastifyApplication;
  worker: INestApplicationContext | null = null;
  url!: string;
  private readonly moreApis: NestFastifyApplication[] = [];
  private db!: Client;
  private counter = 0;

  /** Creates the database and starts the processes. */
  async start(options: TestAppOptions = {}): Promise<this> {
    await adminQuery(`CREATE DATABASE ${this.name} TEMPLATE ${templateDatabase()}`);
    Object.assign(process.env, {
      NODE_ENV: 'test',
      DATABASE_URL: this.databaseUrl,
      DATABASE_POOL_SIZE: '8',
      REDIS_URL,
      REDIS_PREFIX: this.name,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      PORT: '0',
      // Any free port for each worker's health and metrics, so that parallel test files never meet.
      WORKER_PORT: '0',
      // Suites send bursts from one address; the rate-limit test turns the limits back on.
      RATE_LIMIT: 'off',
      // Suites change rows with SQL behind the API's back; the response-cache suite turns it on.
      RESPONSE_CACHE: 'off',
      // Suites repeat texts and post in bursts; the moderation suites turn automod back on.
      AUTOMOD_THRESHOLD: '100',
      ...options.env,
    });
    this.api = await createApi();
    await this.api.listen(0, '127.0.0.1');
    this.url = `${await this.api.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
    if (options.worker) {
      Object.assign(process.env, options.workerEnv);
      this.worker = await createWorker();
    }
    this.db = new Client({ connectionString: this.databaseUrl });
    await this.db.connect();
    return this;
  }

  /** Starts one more API instance on the same database and Redis; returns its GraphQL URL. */
  async anotherApi(): Promise<string> {
    const api = await createApi();
    this.moreApis.push(api);
    await api.listen(0, '127.0.0.1');
    return `${await api.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  }

  /** Stops everything and drops the database and the Redis keys of this app. */
  async stop(): Promise<void> {
    await this.worker?.close();
    for (const api of this.moreApis) await api.close();
    await this.api?.close();
    await this.db?.end();
    await dropTestResources(this.name);
  }

  /** Sends a GraphQL operation to this app's API. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables: object = {},
    token?: string,
  ): Promise<GraphQLResponse<T>> {
    return postGraphQL<T>(this.url, query, variables, token);
  }

  /** Runs SQL on this app's database, for setup and for checking what was written. */
  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query(text, params)).rows as T[];
  }

  /** Registers a member (with a role, set in the database as the CLI does) and signs them in. */
  async member(
    role = 'MEMBER',
    handle = `user${++this.counter}_${randomBytes(2).toString('hex')}`,
  ): Promise<Member> {
    const email = `${handle}@example.com`;
    const password = 'correct-horse-battery';
    const data = ok(
      await this.gql<{ register: { token: string; user: { id: string } } }>(
        `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`,
        { input: { handle, email, password } },
      ),
    );
    if (role !== 'MEMBER')
      await this.sql('UPDATE users SET role = $2 WHERE lower(email) = $1', [email, role]);
    return { id: data.register.user.id, handle, email, password, token: data.register.token };
  }

  /** Creates a board as an admin. */
  async board(
    admin: Member,
    kind = 'QUESTIONS',
    slug = `board-${++this.counter}`,
  ): Promise<string> {
    const data = ok(
      await this.gql<{ createBoard: { id: string } }>(
        `mutation($input: CreateBoardInput!) { createBoard(input: $input) { id } }`,
        { input: { slug, name: `Board ${slug}`, description: 'A board for tests', kind } },
        admin.token,
      ),
    );
    return data.createBoard.id;
  }

  /** Asks a question and returns the thread's ID. */
  async ask(
    member: Member,
    boardId: string,
    title = 'How do I set up voicemail?',
    tags: string[] = [],
  ): Promise<string> {
    const data = ok(
      await this.gql<{ askQuestion: { id: string } }>(
        `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
        { input: { boardId, title, body: 'Details of the question.', tags } },
        member.token,
      ),
    );
    return data.askQuestion.id;
  }

  /** Answers a thread and returns the post's ID. */
  async answer(
    member: Member,
    threadId: string,
    body = 'Dial 121 and follow the prompts.',
  ): Promise<string> {
    const data = ok(
      await this.gql<{ postAnswer: { id: string } }>(
        `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`,
        { input: { threadId, body } },
        member.token,
      ),
    );
    return data.postAnswer.id;
  }
}

/** Polls `probe` until it returns a value that passes `done`, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
