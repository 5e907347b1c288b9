import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { adminQuery, databaseUrl } from './support/databases';
import { ChildApp, freePort, until } from './support/fault-services';
import { ok, postGraphQL } from './support/graphql-client';

const ROOT = join(__dirname, '..');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADDRESS_LINE = /^Community platform: /;

/** `npm start` as a newcomer runs it: a database that does not exist yet, nothing else set. */
describe('npm start', () => {
  const name = `ct_start_${randomBytes(4).toString('hex')}`;
  let start: ChildApp | undefined;

  afterAll(async () => {
    start?.kill('SIGTERM');
    await start?.exited;
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${name}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('prints the address of the site on one line once site and API are ready, and stops cleanly', async () => {
    const port = await freePort();
    const workerPort = await freePort();
    const webPort = await freePort();
    start = new ChildApp('npm start', join(ROOT, 'scripts', 'start.js'), {
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: databaseUrl(name),
      REDIS_URL,
      REDIS_PREFIX: name,
      PORT: String(port),
      WORKER_PORT: String(workerPort),
      WEB_PORT: String(webPort),
      SHUTDOWN_DELAY_MS: '0',
    });
    const running = start;
    const printed = (): boolean =>
      running.lines.some((line) => ADDRESS_LINE.test(line)) || running.exit !== null;
    await until('the address line', printed, 150000, 100).catch((error: Error) => {
      throw new Error(`${error.message}\n${running.tail()}`);
    });
    const announced = running.lines.filter((line) => ADDRESS_LINE.test(line));
    expect(announced).toEqual([`Community platform: http://127.0.0.1:${webPort}`]);

    const home = await fetch(`http://127.0.0.1:${webPort}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<h1>Community</h1>');
    // The API answers on the site's own address too.
    const data = ok(
      await postGraphQL<{ boards: unknown[] }>(
        `http://127.0.0.1:${webPort}/graphql`,
        '{ boards { slug } }',
      ),
    );
    expect(data.boards).toEqual([]);
    // The worker serves its health beside the API, on its own port.
    await until(
      'the worker is ready',
      async () =>
        (await fetch(`http://127.0.0.1:${workerPort}/health/ready`).catch(() => null))?.status ===
        200,
      30000,
      100,
    );

    running.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
  }, 180000);

  it('says in one line that Postgres is not there, and exits 1', async () => {
    const port = await freePort();
    const failed = new ChildApp('npm start', join(ROOT, 'scripts', 'start.js'), {
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/community`,
      REDIS_URL,
    });
    expect(await failed.exited).toEqual({ code: 1, signal: null });
    expect(failed.lines.filter((line) => line.trim() !== '')).toEqual([
      `migrate cannot start: Postgres at 127.0.0.1:${port} (DATABASE_URL) refused the connection (is it running?).`,
    ]);
  }, 120000);
});
