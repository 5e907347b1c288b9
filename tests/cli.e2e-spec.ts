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

  it('lists its commands for --help and exits 0, whatever the environment', async () => {
    const run = await runCli(build, ['--help'], { PORT: 'not-a-port' });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Usage: npm run cli -- \[options\] \[command\]/);
    for (const command of ['migrate', 'seed', 'grant-role <email> <role>', 'schema', 'help']) {
      expect(run.stdout).toMatch(new RegExp(`^  ${command}\\s`, 'm'));
    }
  });

  it.each([
    [['seed', '--help'], /^Usage: npm run cli -- seed \[options\]\n\nadd demo boards/],
    [['help', 'migrate'], /^Usage: npm run cli -- migrate \[options\]\n\ncreate the database/],
    [['grant-role', '--help'], /^Usage: npm run cli -- grant-role \[options\] <email> <role>/],
  ])('shows the help of one command for %j', async (args, usage) => {
    const run = await runCli(build, args, {});
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(usage);
  });

  it('names the roles grant-role takes in its help', async () => {
    const run = await runCli(build, ['grant-role', '--help'], {});
    expect(run.stdout).toContain('MEMBER, AGENT, MODERATOR, PRODUCT_MANAGER, ADMIN');
  });

  it('refuses an unknown command with a message and a non-zero exit, running nothing', async () => {
    const run = await runCli(build, ['sed'], env);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: unknown command 'sed'/);
    expect(run.stderr).toContain('(Did you mean seed?)');
    expect(run.stderr).toContain('npm run cli -- --help');
  });

  it('shows the usage and exits non-zero without a command', async () => {
    const run = await runCli(build, [], env);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^Usage: npm run cli -- /);
  });

  it.each([
    [['grant-role', 'alice@example.com'], /missing required argument 'role'/],
    [['grant-role', 'alice@example.com', 'ADMIN', 'extra'], /too many arguments/],
    [['migrate', 'now'], /too many arguments/],
  ])('refuses %j with a usage error', async (args, message) => {
    const run = await runCli(build, args, env);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('--help');
  });

  // The members and the migrated database below are the ones the first test seeded.
  it('grants a role, and fails with one line for an unknown email or role', async () => {
    const granted = await runCli(build, ['grant-role', 'Bob@Example.com', 'agent'], env);
    expect(granted).toMatchObject({ code: 0, stdout: '@bob is now AGENT.\n', stderr: '' });
    const ghost = await runCli(build, ['grant-role', 'ghost@example.com', 'ADMIN'], env);
    expect(ghost).toMatchObject({
      code: 1,
      stderr: 'no registered member has the email ghost@example.com\n',
    });
    const emperor = await runCli(build, ['grant-role', 'bob@example.com', 'emperor'], env);
    expect(emperor.code).toBe(1);
    expect(emperor.stderr).toMatch(/^ROLE must be one of .* \(got "EMPEROR"\)\n$/);
  });

  it('migrates an up-to-date database without applying anything', async () => {
    expect(await runCli(build, ['migrate'], env)).toMatchObject({
      code: 0,
      stdout: 'The database is up to date.\n',
      stderr: '',
    });
  });

  it('names every bad variable and exits 1 before running a command', async () => {
    const run = await runCli(build, ['migrate'], { ...env, PORT: 'x', LOG_LEVEL: 'loud' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Invalid configuration \(2 problems\):\n/);
    expect(run.stderr).toMatch(/^ {2}PORT must be an integer/m);
    expect(run.stderr).toMatch(/^ {2}LOG_LEVEL must be one of/m);
  });
});
