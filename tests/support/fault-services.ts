import { transformFile } from '@swc/core';
import { ChildProcess, execFileSync, spawn, SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { Client } from 'pg';
import { migrate } from '@app/core';
import { GraphQLResponse, ok, postGraphQL } from './graphql-client';
import { Member } from './test-app';

const ROOT = join(__dirname, '..', '..');
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const REDIS_SERVER = process.env.REDIS_SERVER ?? 'redis-server';

/** Polls `probe` until it returns true, or fails after `timeoutMs` with `what` (or its error). */
export async function until(
  what: string,
  probe: () => Promise<boolean> | boolean,
  timeoutMs = 20000,
  everyMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** A TCP port nobody listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address !== 'object') throw new Error('no port');
  return address.port;
}

/** Whether something accepts TCP connections on `port`. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Runs a command to completion; throws with its output when it fails. */
function run(command: string, args: string[], options: SpawnOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${output}`)),
    );
  });
}

/** Postgres refuses to run as root: as root, its commands run as the `postgres` account. */
function postgresAccount(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string): number =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * A Postgres cluster of its own, in a temporary directory, on a free port, with trust auth and
 * no fsync (its data is thrown away). Restarting it is what a failover or upgrade does to the app.
 */
export class PrivatePostgres {
  readonly dir = mkdtempSync(join(tmpdir(), 'fault-pg-'));
  port = 0;
  private readonly account = postgresAccount();

  /** Creates and starts the cluster. */
  async init(): Promise<this> {
    this.port = await freePort();
    if (this.account) chownSync(this.dir, this.account.uid, this.account.gid);
    await this.pg('initdb', [
      '-D',
      join(this.dir, 'data'),
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    await this.start();
    return this;
  }

  /** The URL of `database` on this cluster. */
  url(database = 'community'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    const settings = [
      `-p ${this.port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${this.dir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    await this.ctl(['start', '-l', join(this.dir, 'server.log'), '-o', settings]);
  }

  /** Stops the server: `fast` rolls back open transactions and drops every connection. */
  async stop(mode: 'smart' | 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.ctl(['stop', '-m', mode]);
  }

  /** `pg_ctl restart -m fast`: every connection is dropped, and the server is back at once. */
  async restart(): Promise<void> {
    await this.ctl(['restart', '-m', 'fast']);
  }

  /** Stops the server if it runs and deletes the cluster. */
  async destroy(): Promise<void> {
    await this.ctl(['stop', '-m', 'immediate']).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private ctl(args: string[]): Promise<string> {
    return this.pg('pg_ctl', ['-D', join(this.dir, 'data'), '-w', '-t', '60', ...args]);
  }

  private pg(command: string, args: string[]): Promise<string> {
    return run(join(PG_BIN, command), args, { cwd: this.dir, ...this.account });
  }
}

/** A redis-server of its own on a free port, without persistence, that a test can stop and start. */
export class PrivateRedis {
  port = 0;
  private process: ChildProcess | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'fault-redis-'));

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (on the same port as before when started again). */
  async start(): Promise<void> {
    if (this.process) return;
    if (!this.port) this.port = await freePort();
    const child = spawn(
      REDIS_SERVER,
      // Saved on stop and loaded on start, as a Redis with persistence keeps its queues.
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '3600 1',
        '--appendonly',
        'no',
      ],
      { cwd: this.dir, stdio: 'ignore' },
    );
    this.process = child;
    child.once('exit', () => {
      if (this.process === child) this.process = null;
    });
    await until(`redis on ${this.port}`, () => answers(this.port));
  }

  /** Stops the server (saving its data): every client loses its connection until `start`. */
  async stop(): Promise<void> {
    await this.end('SIGTERM');
  }

  /** Kills the server: what was not saved is lost, as in a crash without persistence. */
  async kill(): Promise<void> {
    await this.end('SIGKILL');
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.process;
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    this.process = null;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The apps transpiled from the current sources (no type check, about a second), into a folder
 * under node_modules so that their packages resolve. Quicker than `nest build` and never stale.
 */
export class SourceBuild {
  readonly dir = join(
    ROOT,
    'node_modules',
    '.cache',
    'fault-build',
    randomBytes(4).toString('hex'),
  );

  async build(): Promise<this> {
    const paths: Record<string, string[]> = {};
    for (const lib of readdirSync(join(ROOT, 'libs'))) paths[`@app/${lib}`] = [`./libs/${lib}/src`];
    const files = ['apps', 'libs'].flatMap((top) => typeScriptFiles(join(ROOT, top)));
    await Promise.all(
      files.map(async (file) => {
        const { code } = await transformFile(file, {
          sourceMaps: 'inline',
          jsc: {
            baseUrl: ROOT,
            paths,
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            keepClassNames: true,
            target: 'es2022',
          },
          module: { type: 'commonjs' },
        });
        const out = join(this.dir, relative(ROOT, file)).replace(/\.ts$/, '.js');
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, code);
      }),
    );
    return this;
  }

  main(app: 'api' | 'worker'): string {
    return join(this.dir, 'apps', app, 'src', 'main.js');
  }

  destroy(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One app running as a child process, with its log lines and its exit. */
export class ChildApp {
  readonly lines: string[] = [];
  readonly exited: Promise<Exit>;
  exit: Exit | null = null;
  private readonly child: ChildProcess;

  constructor(
    readonly name: string,
    main: string,
    env: Record<string, string>,
  ) {
    this.child = spawn(process.execPath, ['--enable-source-maps', main], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      let rest = '';
      stream?.on('data', (chunk: Buffer) => {
        const parts = (rest + chunk.toString()).split('\n');
        rest = parts.pop() ?? '';
        this.lines.push(...parts);
      });
    }
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      }),
    );
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error(`${this.name} did not start`);
    return this.child.pid;
  }

  kill(signal: NodeJS.Signals): void {
    if (!this.exit) this.child.kill(signal);
  }

  /** Log lines parsed as JSON (pino), skipping anything else the process printed. */
  logs(): Array<Record<string, unknown>> {
    return this.lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  /** The log, for failure messages. */
  tail(count = 40): string {
    return this.lines.slice(-count).join('\n');
  }

  /** Stops the process: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
  async stop(graceMs = 15000): Promise<Exit> {
    if (this.exit) return this.exit;
    this.kill('SIGTERM');
    const timer = setTimeout(() => this.kill('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }
}

export interface FaultPlatformOptions {
  /** Extra environment for every API and worker started. */
  env?: Record<string, string>;
}

/**
 * The platform for fault tests: a private Postgres and Redis, the database migrated, and the API
 * and worker as real processes, so that signals, kills and outages hit them as in production.
 * Nothing here touches the shared Postgres or Redis.
 */
export class FaultPlatform {
  readonly postgres = new PrivatePostgres();
  readonly redis = new PrivateRedis();
  readonly build = new SourceBuild();
  readonly children: ChildApp[] = [];
  private db: Client | null = null;
  private counter = 0;

  constructor(private readonly options: FaultPlatformOptions = {}) {}

  async start(): Promise<this> {
    await Promise.all([
      this.postgres.init().then(() => migrate(this.postgres.url())),
      this.redis.start(),
      this.build.build(),
    ]);
    return this;
  }

  /** The environment an app of this platform runs with. */
  env(more: Record<string, string> = {}): Record<string, string> {
    return {
      NODE_ENV: 'test',
      DATABASE_URL: this.postgres.url(),
      DATABASE_POOL_SIZE: '10',
      REDIS_URL: this.redis.url,
      REDIS_PREFIX: 'faults',
      RATE_LIMIT: 'off',
      // Tests post the same texts in bursts.
      AUTOMOD_THRESHOLD: '100',
      LOG_LEVEL: 'info',
      // Any free port for each worker's health and metrics: a test may run several workers.
      WORKER_PORT: '0',
      ...this.options.env,
      ...more,
    };
  }

  /** Starts an API process and waits until it is ready; `url` is its base address. */
  async api(env: Record<string, string> = {}): Promise<ChildApp & { url: string }> {
    const port = await freePort();
    const child = new ChildApp(
      'api',
      this.build.main('api'),
      this.env({ PORT: String(port), ...env }),
    ) as ChildApp & { url: string };
    child.url = `http://127.0.0.1:${port}`;
    this.children.push(child);
    await until(
      'the API is ready',
      async () => {
        if (child.exit) throw new Error(`the API exited: ${child.tail()}`);
        const response = await fetch(`${child.url}/health/ready`).catch(() => null);
        return response?.status === 200;
      },
      60000,
      100,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${child.tail()}`);
    });
    return child;
  }

  /**
   * Starts a worker process and waits until its queue workers are running; `url` is the base
   * address of its health and metrics.
   */
  async worker(env: Record<string, string> = {}): Promise<ChildApp & { url: string }> {
    const child = new ChildApp('worker', this.build.main('worker'), this.env(env)) as ChildApp & {
      url: string;
    };
    this.children.push(child);
    await until(
      'the worker is running',
      () => {
        if (child.exit) throw new Error(`the worker exited: ${child.tail()}`);
        // The worker listens once its queue workers run, and logs the address it took.
        const url = child.logs().find((line) => line.context === 'WorkerHttp')?.url;
        if (typeof url === 'string') child.url = url;
        return typeof url === 'string';
      },
      60000,
      100,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${child.tail()}`);
    });
    return child;
  }

  /** Runs SQL on the platform's database (reconnecting after a restart of Postgres). */
  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    if (!this.db) {
      const db = new Client({ connectionString: this.postgres.url() });
      db.on('error', () => {
        if (this.db === db) this.db = null;
      });
      await db.connect();
      this.db = db;
    }
    try {
      return (await this.db.query(text, params)).rows as T[];
    } catch (error) {
      await this.db?.end().catch(() => undefined);
      this.db = null;
      throw error;
    }
  }

  /** Registers a member (with a role set in SQL, as the CLI does) through `url`. */
  async member(url: string, role = 'MEMBER'): Promise<Member> {
    const handle = `m${++this.counter}_${randomBytes(3).toString('hex')}`;
    const email = `${handle}@example.com`;
    const password = 'correct-horse-battery';
    const data = ok(
      await gql<{ register: { token: string; user: { id: string } } }>(
        url,
        `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`,
        { input: { handle, email, password } },
      ),
    );
    if (role !== 'MEMBER')
      await this.sql('UPDATE users SET role = $2 WHERE lower(email) = $1', [email, role]);
    return { id: data.register.user.id, handle, email, password, token: data.register.token };
  }

  /** A QUESTIONS board and a question on it; returns the thread's ID. */
  async thread(url: string, admin: Member, asker: Member): Promise<string> {
    const slug = `board-${++this.counter}`;
    const board = ok(
      await gql<{ createBoard: { id: string } }>(
        url,
        `mutation($input: CreateBoardInput!) { createBoard(input: $input) { id } }`,
        {
          input: {
            slug,
            name: `Board ${slug}`,
            description: 'A board for tests',
            kind: 'QUESTIONS',
          },
        },
        admin.token,
      ),
    );
    const thread = ok(
      await gql<{ askQuestion: { id: string } }>(
        url,
        `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
        {
          input: {
            boardId: board.createBoard.id,
            title: 'How do I set up voicemail?',
            body: 'Details of the question.',
          },
        },
        asker.token,
      ),
    );
    return thread.askQuestion.id;
  }

  /** Stops every process and deletes the services. */
  async stop(): Promise<void> {
    await Promise.all(this.children.map((child) => child.stop(5000)));
    await this.db?.end().catch(() => undefined);
    await Promise.all([this.postgres.destroy(), this.redis.destroy()]);
    this.build.destroy();
  }
}

/** Posts one GraphQL operation to the API at base address `url`. */
export function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: object = {},
  token?: string,
): Promise<GraphQLResponse<T>> {
  return postGraphQL<T>(`${url}/graphql`, query, variables, token);
}
