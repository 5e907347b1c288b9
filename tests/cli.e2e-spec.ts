import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { adminQuery, databaseUrl } from './support/databases';
import { runCli } from './support/cli';
import { SourceBuild } from './support/fault-services';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The CLI as a process, the way `npm run cli`, `npm run seed` and `npm run migrate` run it. */
describe('the CLI', () => {
  const build = new SourceBuild();
  const name = `ct_cli_${randomBytes(4).toString('hex')}`;
  const env = { DATABASE_URL: databaseUrl(name), REDIS_URL, REDIS_PREFIX: name };

  beforeAll(() => build.build());
  afterAll(async () => {
    build.destroy();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${name}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('seeds a new database and prints the credentials as a table, without log lines', async () => {
    const run = await runCli(build, ['seed'], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/for trying the platform.*not for production/);
    expect(lines[1]).toMatch(/^\s+role\s+handle\s+email\s+password$/);
    expect(lines[2]).toMatch(/^\s+─+\s+─+\s+─+\s+─+$/);
    expect(lines.slice(3)).toEqual([
      expect.stringMatching(/^\s+ADMIN\s+admin\s+admin@example\.com\s+admin-password-1$/),
      expect.stringMatching(/^\s+MODERATOR\s+mod\s+mod@example\.com\s+moderator-password-1$/),
      expect.stringMatching(/^\s+AGENT\s+agent\s+agent@example\.com\s+agent-password-1$/),
      expect.stringMatching(
        /^\s+PRODUCT_MANAGER\s+product\s+product@example\.com\s+product-password-1$/,
      ),
      expect.stringMatching(/^\s+MEMBER\s+alice\s+alice@example\.com\s+alice-password-1$/),
      expect.stringMatching(/^\s+MEMBER\s+bob\s+bob@example\.com\s+bob-password-1$/),
    ]);
  });
});
