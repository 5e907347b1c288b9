import { randomBytes } from 'node:crypto';
import { createApi } from '../apps/api/src/create-api';
import { seed } from '../apps/cli/src/seed';
import { ok } from './support/graphql-client';
import { TestApp } from './support/test-app';

/** `npm run seed`: demo data through the public API, once. */
describe('the demo data', () => {
  const app = new TestApp();

  beforeAll(() => app.start());
  afterAll(() => app.stop());

  const runSeed = async (): Promise<void> => {
    const api = await createApi();
    try {
      await seed(api, app.databaseUrl);
    } finally {
      await api.close();
    }
  };

  it('holds boards, an answered thread, an idea and a reviewed product, and is written once', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await runSeed();
    await runSeed();
    expect(log).toHaveBeenLastCalledWith('The database already has the demo data.');
    const printed = log.mock.calls.map((call) => String(call[0]));
    log.mockRestore();
    expect(printed).toContainEqual(expect.stringMatching(/^\s+role\s+handle\s+email\s+password$/));
    expect(printed).toContainEqual(
      expect.stringMatching(/^\s+ADMIN\s+admin\s+admin@example\.com\s+admin-password-1$/),
    );
    expect(printed).toContainEqual(
      expect.stringMatching(/^\s+MEMBER\s+alice\s+alice@example\.com\s+alice-password-1$/),
    );

    const data = ok(
      await app.gql<{
        boards: Array<{ slug: string }>;
        threads: { edges: Array<{ node: { title: string; status: string } }> };
        ideas: { edges: Array<{ node: { title: string; voteCount: number } }> };
        products: {
          edges: Array<{ node: { name: string; ratingCount: number; ratingAverage: number } }>;
        };
      }>(
        `query {
          boards { slug }
          threads { edges { node { title status } } }
          ideas { edges { node { title voteCount } } }
          products { edges { node { name ratingCount ratingAverage } } }
        }`,
      ),
    );
    expect(data.boards.map((board) => board.slug).sort()).toEqual(['devices', 'help', 'ideas']);
    expect(data.threads.edges.map((edge) => edge.node)).toContainEqual({
      title: 'How do I turn on roaming in Spain?',
      status: 'SOLVED',
    });
    expect(data.ideas.edges.map((edge) => edge.node)).toEqual([
      { title: 'Let me pause my plan while travelling', voteCount: 2 },
    ]);
    expect(data.products.edges.map((edge) => edge.node)).toEqual([
      { name: 'Phone X1', ratingCount: 1, ratingAverage: 4 },
    ]);
  });

  it('holds a key account with a dedicated rep, an open case, and a resolved one whose official answer solved its thread', async () => {
    const login = async (email: string, password: string) =>
      ok(
        await app.gql<{ login: { token: string } }>(
          `mutation($input: LoginInput!) { login(input: $input) { token } }`,
          { input: { email, password } },
        ),
      ).login.token;
    const bob = await login('bob@example.com', 'bob-password-1');
    const agent = await login('agent@example.com', 'agent-password-1');
    const mine = ok(
      await app.gql<{
        viewer: { segment: { key: string }; dedicatedRep: { handle: string } };
        myCases: {
          edges: Array<{
            node: {
              subject: string;
              status: string;
              assignee: { handle: string } | null;
              thread: { status: string; acceptedSolution: { official: boolean } | null } | null;
            };
          }>;
        };
      }>(
        `query {
          viewer { segment { key } dedicatedRep { handle } }
          myCases { edges { node { subject status assignee { handle }
            thread { status acceptedSolution { official } } } } }
        }`,
        {},
        bob,
      ),
    );
    expect(mine.viewer).toEqual({
      segment: { key: 'key-accounts' },
      dedicatedRep: { handle: 'agent' },
    });
    expect(mine.myCases.edges.map((edge) => edge.node)).toEqual(
      expect.arrayContaining([
        {
          subject: 'Add a second SIM to my contract',
          status: 'OPEN',
          assignee: { handle: 'agent' },
          thread: null,
        },
        {
          subject: 'My bill went up by 5 euros',
          status: 'RESOLVED',
          assignee: { handle: 'agent' },
          thread: { status: 'SOLVED', acceptedSolution: { official: true } },
        },
      ]),
    );
    const inbox = ok(
      await app.gql<{ careInbox: { totalCount: number } }>(
        `{ careInbox { totalCount } }`,
        {},
        agent,
      ),
    );
    expect(inbox.careInbox.totalCount).toBe(1);
  });
});

/** With NODE_ENV=production (as in docker-compose.yml) the published passwords are never used. */
describe('the demo data in production', () => {
  const app = new TestApp();

  beforeAll(() => app.start());
  afterAll(() => app.stop());

  const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
  const PUBLISHED = {
    'admin@example.com': 'admin-password-1',
    'alice@example.com': 'alice-password-1',
  };

  /** Runs the seed as the production CLI would and returns what it printed. */
  const runProductionSeed = async (): Promise<string[]> => {
    const saved = { NODE_ENV: process.env.NODE_ENV, JWT_SECRET: process.env.JWT_SECRET };
    Object.assign(process.env, {
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
    });
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const api = await createApi();
      try {
        await seed(api, app.databaseUrl);
      } finally {
        await api.close();
      }
      return log.mock.calls.map((call) => String(call[0]));
    } finally {
      log.mockRestore();
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  };

  it('gives every demo member a random password, printed once, and says it is not for production', async () => {
    const output = await runProductionSeed();
    expect(output[0]).toMatch(/for trying the platform.*not for production/);
    const printed = new Map(
      output
        .map((line) => /^\s+\S+\s+\S+\s+(\S+@example\.com)\s+(\S+)$/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => [match[1], match[2]]),
    );
    expect(printed.size).toBe(6);
    const passwords = [...printed.values()];
    expect(new Set(passwords).size).toBe(6);
    for (const password of passwords) {
      expect(password).not.toMatch(/-password-1$/);
      expect(password.length).toBeGreaterThanOrEqual(16);
    }

    for (const [email, published] of Object.entries(PUBLISHED)) {
      const refused = await app.gql(LOGIN, { input: { email, password: published } });
      expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const signedIn = ok(
        await app.gql<{ login: { token: string } }>(LOGIN, {
          input: { email, password: printed.get(email) },
        }),
      );
      expect(signedIn.login.token).toEqual(expect.any(String));
    }

    const again = await runProductionSeed();
    expect(again).toEqual(['The database already has the demo data.']);
  });
});
