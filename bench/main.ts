// `npm run bench -- --scale small|medium|large`: builds a synthetic community in its own
// database, starts the API in this process, measures the hot read and write paths, and writes
// the results to bench/results/.
// Also writes the plan of every statement in the SQL snapshots (queries/*.sql) on that data to
// bench/results/plans.txt, so a plan change is a visible change.
import 'reflect-metadata';
import { dirname, join } from 'node:path';
import argon2 from 'argon2';
import { Client } from 'pg';
import { encodeCursor, migrate } from '@app/core';
import { createApi } from '../apps/api/src/create-api';
import { seedDataset } from './dataset';
import { benchOptions } from './options';
import { explainSnapshots } from './query-plans';
import { machine, writeReport } from './results';
import { runScenario, ScenarioResult } from './load';
import { startSite } from './site';

const OPTIONS = benchOptions();
const SECONDS = OPTIONS.seconds;
const CONCURRENCY = OPTIONS.concurrency;
const ADMIN_URL =
  process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = OPTIONS.database;

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/**
 * The cursor that opens page `page` of the newest-activity thread list (20 a page), or its last
 * page on a smaller dataset: the position a reader reaches by paging that far.
 */
async function pageCursorAt(databaseUrl: string, page: number): Promise<string> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ at: Date; id: string }>(
      `SELECT last_activity_at AS at, id FROM threads WHERE content_status = 'PUBLISHED'
        ORDER BY last_activity_at DESC, id DESC
        OFFSET LEAST($1::int, greatest((SELECT count(*) FROM threads) - 21, 0)) LIMIT 1`,
      [(page - 1) * 20 - 1],
    );
    return encodeCursor([rows[0].at.getTime(), rows[0].id]);
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${NAME}`;
  const databaseUrl = url.toString();
  const startedAt = new Date().toISOString();
  console.log(`Building the ${OPTIONS.scale} community in ${NAME}…`);
  await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await migrate(databaseUrl);
  const hash = await argon2.hash('bench-password', {
    type: argon2.argon2id,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  const seeding = Date.now();
  const rows = await seedDataset(databaseUrl, OPTIONS.size, hash);
  const seconds = (Date.now() - seeding) / 1000;
  const dataset = { rows, seconds: Math.round(seconds), rowsPerSecond: Math.round(rows / seconds) };
  console.log(`${rows} rows in ${dataset.seconds} s (${dataset.rowsPerSecond} rows/s)`);

  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    RATE_LIMIT: 'off',
    // One bench member posts the same texts in bursts, which automod would rightly hold.
    AUTOMOD_THRESHOLD: '100',
    LOG_LEVEL: 'warn',
    REDIS_PREFIX: NAME,
    PORT: '0',
  });
  const app = await createApi();
  await app.listen(0, '127.0.0.1');
  const endpoint = `${await app.getUrl()}/graphql`;
  const gql = async (query: string, variables: object = {}, token?: string) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    return body;
  };
  const login = await gql(
    `mutation { login(input: { email: "member1@bench.local", password: "bench-password" }) { token } }`,
  );
  const token = (login.data?.login as { token: string }).token;
  const agentLogin = await gql(
    `mutation { login(input: { email: "member2@bench.local", password: "bench-password" }) { token } }`,
  );
  const agentToken = (agentLogin.data?.login as { token: string }).token;
  const monthAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString();
  const page = await gql(
    `{ threads(first: 100) { edges { node { id } } pageInfo { endCursor } } }`,
  );
  const threads = page.data?.threads as { edges: Array<{ node: { id: string } }> };
  const ids = threads.edges.map((edge) => edge.node.id);
  // Questions go to the QUESTIONS boards only (the ideas board takes ideas).
  const boards = (
    (await gql('{ boards { id kind } }')).data?.boards as Array<{ id: string; kind: string }>
  ).filter((board) => board.kind === 'QUESTIONS');
  const succeeded = (body: { errors?: unknown[] }) => !body.errors;
  const deepCursor = await pageCursorAt(databaseUrl, 500);

  const scenarios: Array<[string, (i: number) => Promise<boolean>]> = [
    [
      'threads page (20, last activity)',
      async () =>
        succeeded(
          await gql(
            `{ threads { edges { node { id title answerCount author { handle rank } board { name } } } } }`,
          ),
        ),
    ],
    [
      'threads by tag and status',
      async (i) =>
        succeeded(
          await gql(
            `query($tag: String) { threads(filter: { tag: $tag, status: OPEN }, first: 20) { totalCount edges { node { id title } } } }`,
            { tag: ['esim', 'roaming', 'billing'][i % 3] },
          ),
        ),
    ],
    [
      'thread page with answers',
      async (i) =>
        succeeded(
          await gql(
            `query($id: ID!) { thread(id: $id) { title author { handle } acceptedSolution { id } answers(first: 20, orderBy: MOST_KUDOS) { edges { node { body kudosCount viewerHasGivenKudo author { handle rank } } } } } }`,
            { id: ids[i % ids.length] },
            token,
          ),
        ),
    ],
    [
      'search',
      async (i) =>
        succeeded(
          await gql(
            `query($q: String!) { search(query: $q, first: 20) { totalCount edges { node { score highlight thread { id title } } } } }`,
            { q: ['router', 'esim roaming', '"data abroad"'][i % 3] },
          ),
        ),
    ],
    [
      'similar threads while typing',
      async (i) =>
        succeeded(
          await gql(
            `query($title: String!) { similarThreads(title: $title) { id title status } }`,
            { title: ['roaming not working', 'esim activation', 'bill too high'][i % 3] },
          ),
        ),
    ],
    [
      'ask a question',
      async (i) =>
        succeeded(
          await gql(
            `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
            {
              input: {
                boardId: boards[i % boards.length].id,
                title: `Benchmark question number ${i}`,
                body: 'Does this scale?',
                tags: ['bench'],
              },
            },
            token,
          ),
        ),
    ],
    [
      'threads page 500 (or the last)',
      async () =>
        succeeded(
          await gql(
            `query($after: String) { threads(after: $after) { edges { node { id title answerCount author { handle } } } } }`,
            { after: deepCursor },
          ),
        ),
    ],
    [
      'product reviews (20, most helpful)',
      async () =>
        succeeded(
          await gql(
            `{ products(first: 1) { edges { node { name ratingAverage ratingHistogram reviews(orderBy: MOST_HELPFUL) { edges { node { rating title helpfulCount author { handle } } } } } } } }`,
          ),
        ),
    ],
    [
      'ideas TOP (20)',
      async () =>
        succeeded(
          await gql(`{ ideas(orderBy: TOP) { edges { node { id title voteCount status } } } }`),
        ),
    ],
    [
      'ideas TRENDING (20)',
      async () =>
        succeeded(
          await gql(
            `{ ideas(orderBy: TRENDING) { edges { node { id title voteCount status } } } }`,
          ),
        ),
    ],
    [
      'care inbox (20, by due time)',
      async () =>
        succeeded(
          await gql(
            `{ careInbox { edges { node { id number subject priority firstResponseDueAt slaBreached member { handle } } } totalCount } }`,
            {},
            agentToken,
          ),
        ),
    ],
    [
      'care metrics, 30 days',
      async () =>
        succeeded(
          await gql(
            `query($since: DateTime!) { careMetrics(since: $since) { questionsAsked answeredByPeersRate solvedRate medianMinutesToFirstAnswer casesOpened escalations medianMinutesToFirstResponse slaMetRate deflections } }`,
            { since: monthAgo },
            agentToken,
          ),
        ),
    ],
    [
      'answer a thread',
      async (i) =>
        succeeded(
          await gql(
            `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`,
            { input: { threadId: ids[i % ids.length], body: 'Yes, it does.' } },
            token,
          ),
        ),
    ],
  ];
  const results: ScenarioResult[] = [];
  for (const [name, call] of scenarios)
    results.push(await runScenario(name, call, CONCURRENCY, SECONDS));

  // The thread page as a reader gets it (HTML rendered by the site through the API) beside the
  // API's answer for the same data, at 10 and 50 connections: the site's own cost is the ratio.
  const site = await startSite(endpoint.replace(/\/graphql$/, ''));
  const threadPageQuery = `query($id: ID!) { thread(id: $id) { id title bodyHtml createdAt answerCount status tags author { handle displayName rank } acceptedSolution { id bodyHtml kudosCount createdAt author { handle displayName rank } } answers(first: 20) { edges { cursor node { id bodyHtml kudosCount createdAt author { handle displayName rank } } } pageInfo { hasNextPage endCursor } } } }`;
  for (const connections of [10, 50]) {
    results.push(
      await runScenario(
        `thread query (GraphQL), ${connections} connections`,
        async (i) => succeeded(await gql(threadPageQuery, { id: ids[i % ids.length] })),
        connections,
        SECONDS,
      ),
      await runScenario(
        `thread page (HTML), ${connections} connections`,
        async (i) => {
          const response = await fetch(`${site.url}/threads/${ids[i % ids.length]}`);
          await response.arrayBuffer();
          return response.ok;
        },
        connections,
        SECONDS,
      ),
    );
  }
  await site.stop();
  await app.close();
  console.table(results);
  const written = writeReport(
    { startedAt, scale: OPTIONS.scale, machine: machine(), dataset, scenarios: results },
    OPTIONS,
  );
  console.log(`Results: ${written}`);
  const plansFile = join(dirname(written), 'plans.txt');
  const explained = await explainSnapshots(databaseUrl, plansFile);
  console.log(`Plans of ${explained} snapshot statements: ${plansFile}`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
