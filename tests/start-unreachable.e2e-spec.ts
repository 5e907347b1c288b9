import { randomBytes } from 'node:crypto';
import { runCli } from './support/cli';
import { ADMIN_URL, databaseUrl } from './support/databases';
import { ChildApp, freePort, SourceBuild } from './support/fault-services';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * An API, worker or CLI command started without its database or Redis says so in one line and exits, instead
 * of retrying for tens of seconds with stack traces.
 */
describe('a start with Postgres or Redis unreachable', () => {
  const build = new SourceBuild();

  beforeAll(() => build.build(), 60000);
  afterAll(() => build.destroy());

  async function startAndWait(
    app: 'api' | 'worker',
    env: Record<string, string>,
  ): Promise<{ code: number | null; output: string[] }> {
    const child = new ChildApp(app, build.main(app), {
      NODE_ENV: 'test',
      PORT: String(await freePort()),
      WORKER_PORT: '0',
      // Reachable, and not the tests' template (a connection to it would block copying it).
      DATABASE_URL: ADMIN_URL,
      REDIS_URL,
      ...env,
    });
    const stopper = setTimeout(() => child.kill('SIGKILL'), 20000);
    const exit = await child.exited;
    clearTimeout(stopper);
    return { code: exit.code, output: child.lines.filter((line) => line.trim() !== '') };
  }

  it('names Postgres and its address when nothing listens there, without its password', async () => {
    const port = await freePort();
    const { code, output } = await startAndWait('api', {
      DATABASE_URL: `postgres://member:s3cret-word@127.0.0.1:${port}/community`,
    });
    expect(code).toBe(1);
    expect(output).toEqual([
      `The API cannot start: Postgres at 127.0.0.1:${port} (DATABASE_URL) refused the connection (is it running?).`,
    ]);
  });

  it('names Redis when the worker cannot reach it', async () => {
    const port = await freePort();
    const { code, output } = await startAndWait('worker', {
      REDIS_URL: `redis://:pass-word@127.0.0.1:${port}`,
    });
    expect(code).toBe(1);
    expect(output).toEqual([
      `The worker cannot start: Redis at 127.0.0.1:${port} (REDIS_URL) refused the connection (is it running?).`,
    ]);
  });

  it('tells a missing database apart from a missing server, and names both when both fail', async () => {
    const name = `ct_missing_${randomBytes(4).toString('hex')}`;
    const redisPort = await freePort();
    const { code, output } = await startAndWait('api', {
      DATABASE_URL: databaseUrl(name),
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    });
    expect(code).toBe(1);
    expect(output).toHaveLength(1);
    expect(output[0]).toMatch(
      new RegExp(
        `^The API cannot start: Postgres at [^ ]+ \\(DATABASE_URL\\) has no database "${name}" \\(npm run migrate creates it\\); ` +
          `Redis at 127\\.0\\.0\\.1:${redisPort} \\(REDIS_URL\\) refused the connection`,
      ),
    );
  });

  it.each([['migrate'], ['seed'], ['schema']])(
    'stops `%s` with the same one line when Postgres is not there',
    async (command) => {
      const port = await freePort();
      const run = await runCli(build, [command], {
        NODE_ENV: 'test',
        DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/community`,
        REDIS_URL,
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `${command} cannot start: Postgres at 127.0.0.1:${port} (DATABASE_URL) refused the connection (is it running?).\n`,
      );
    },
  );
});
