// `npm run bench -- --scale small|medium|large [--seconds N] [--concurrency N]`: builds a
// synthetic community in its own database, starts the built API and worker as their own
// production processes, the bare ceiling (bench/baseline) and a load generator (autocannon) as
// theirs, measures the hot read and write paths, checks that every counter the writes moved is
// exact, and writes the results to bench/results/.
// Also writes the plan of every statement in the SQL snapshots (queries/*.sql) on that data to
// bench/results/plans.txt, so a plan change is a visible change.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import argon2 from 'argon2';
import { Client } from 'pg';
import { migrate, toGlobalId } from '@app/core';
import { seedDataset } from './dataset';
import { hotTargets } from './dataset/hot-targets';
import { benchOptions } from './options';
import { explainSnapshots } from './query-plans';
import { BenchReport, CeilingComparison, machine, RESULTS_DIR, writeReport } from './results';
import { LoadGenerator, ScenarioResult } from './load';
import { startSite } from './site';
import { alternatingRounds } from './runner/alternating-rounds';
import { readBenchWorld } from './runner/bench-world';
import { RunningProcess } from './runner/child-process';
import { LOGIN } from './runner/documents';
import { counterChecks, countVerdicts } from './runner/exact-counts';
import { graphql } from './runner/graphql';
import { measureStatusChange } from './runner/idea-status-fanout';
import { jsonDifference } from './runner/json-difference';
import { RequestVariant } from './runner/load-spec';
import { forgetRedisKeys } from './runner/redis-keys';
import { settledWrites } from './runner/settled-writes';
import { openSessions } from './runner/member-sessions';
import {
  BenchSessions,
  giveKudoVariants,
  pastTheCache,
  postAnswerVariants,
  readScenarios,
  threadPageVariants,
  toCeiling,
  voteIdeaVariants,
} from './runner/scenarios';
import { startApi, startCeiling, startWorker } from './runner/services';

const OPTIONS = benchOptions();
const ROUNDS = 3;
/**
 * Warm-up before each measured part (each round's too): JIT, pools and caches filled, and the
 * connections' pipeline full, so that answers slower than a second are counted at their rate.
 */
const WARMUP_SECONDS = Math.min(2, Math.max(1, OPTIONS.seconds / 5));
/** A round shorter than a second holds too few of the slower answers to count. */
const ROUND_SECONDS = Math.max(1, OPTIONS.seconds / ROUNDS);
const WRITE_CONNECTIONS = 50;
const ADMIN_URL =
  process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = OPTIONS.database;

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

async function buildDataset(databaseUrl: string): Promise<BenchReport['dataset']> {
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
  const dataset = {
    size: OPTIONS.size,
    rows,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(rows / seconds),
  };
  console.log(`${rows} rows in ${dataset.seconds} s (${dataset.rowsPerSecond} rows/s)`);
  return dataset;
}

async function main(): Promise<void> {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${NAME}`;
  const databaseUrl = url.toString();
  const startedAt = new Date().toISOString();
  const dataset = await buildDataset(databaseUrl);
  const targets = await hotTargets(databaseUrl);
  const world = await readBenchWorld(databaseUrl, targets);

  const settings = { databaseUrl, redisPrefix: NAME, jwtSecret: randomBytes(32).toString('hex') };
  await forgetRedisKeys(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', NAME);
  const started: RunningProcess[] = [];
  const load = new LoadGenerator();
  try {
    // Started side by side; each one that comes up is stopped at the end, whatever else failed.
    const starts = await Promise.allSettled(
      [startApi, startWorker, startCeiling].map(async (start) => {
        const running = await start(settings);
        started.push(running);
        return running;
      }),
    );
    const failed = starts.find((start) => start.status === 'rejected');
    if (failed) throw failed.reason;
    const [api, , ceiling] = starts.map(
      (start) => (start as PromiseFulfilledResult<RunningProcess>).value,
    );
    const site = await startSite(api.url);
    started.push(site);
    const apiTarget = { name: 'API', pid: api.pid };
    const ceilingTarget = { name: 'ceiling', pid: ceiling.pid };

    // One real login proves that path; the other members' sessions are opened in the database.
    await graphql(api.url, LOGIN, { email: 'member1@bench.local', password: 'bench-password' });
    const session = (userIds: string[]) => openSessions(databaseUrl, settings.jwtSecret, userIds);
    const [agent, moderator, productManager] = await session([
      world.staff.agentId,
      world.staff.moderatorId,
      world.staff.productManagerId,
    ]);
    const sessions: BenchSessions = {
      readers: await session(world.readerIds),
      kudoGivers: await session(world.kudoGivers.map((t) => t.userId)),
      ideaVoters: await session(world.ideaVoters.map((t) => t.userId)),
      agent,
      moderator,
    };

    const results: ScenarioResult[] = [];
    const comparisons: CeilingComparison[] = [];
    const measure = (
      name: string,
      target: { name: string; pid: number },
      origin: string,
      connections: number,
      variants: RequestVariant[],
    ) =>
      load.measure(name, target, {
        key: `${target.name} ${name} ${connections}`,
        origin,
        connections,
        warmupSeconds: WARMUP_SECONDS,
        seconds: OPTIONS.seconds,
        variants,
      });
    const interleaved = async (
      name: string,
      connections: number,
      apiVariants: RequestVariant[],
      ceilingVariants: RequestVariant[],
      ceilingName?: string,
    ) => {
      const measured = await alternatingRounds(
        load,
        { api: { ...apiTarget, url: api.url }, ceiling: { ...ceilingTarget, url: ceiling.url } },
        { rounds: ROUNDS, warmupSeconds: WARMUP_SECONDS, roundSeconds: ROUND_SECONDS },
        { name, connections, apiVariants, ceilingVariants, ceilingName },
      );
      comparisons.push(measured.comparison);
      results.push(measured.api, measured.ceiling);
    };
    let shown = 0;
    const progress = () => {
      for (const r of results.slice(shown)) {
        console.log(
          `${r.name} (${r.target}, ${r.connections}): ${r.perSecond}/s, p99 ${r.p99} ms, ${r.errors} errors`,
        );
      }
      shown = results.length;
    };

    // Reads.
    const anonymousPage = threadPageVariants(world);
    const signedInPage = threadPageVariants(world, sessions.readers);
    const hotThread = toGlobalId('Thread', targets.hotThreadId);
    const [fromApi, fromCeiling] = await Promise.all(
      [`${api.url}/graphql`, `${ceiling.url}/thread-page`].map(async (address) => {
        const variant = anonymousPage[0];
        const response = await fetch(address, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: variant.body,
        });
        return response.json();
      }),
    );
    const difference = jsonDifference(fromApi, fromCeiling);
    if (difference) console.warn(`The ceiling's thread page differs from the API's: ${difference}`);
    // A freshly started process is cold (JIT, pools, the response cache): a first pass over the
    // thread pages, not counted, so that the first scenario is not the one that pays for it.
    const firstPasses: Array<[string, RequestVariant[]]> = [
      [api.url, [...anonymousPage, ...signedInPage]],
      [ceiling.url, toCeiling(anonymousPage, '/thread-page')],
    ];
    for (const [origin, variants] of firstPasses) {
      await load.run({
        key: `start ${origin}`,
        origin,
        connections: 10,
        warmupSeconds: 0,
        seconds: 2 * WARMUP_SECONDS,
        variants,
      });
    }
    for (const connections of [10, 50]) {
      await interleaved(
        'thread page, anonymous',
        connections,
        anonymousPage,
        toCeiling(anonymousPage, '/thread-page'),
      );
      progress();
    }
    for (const connections of [10, 50]) {
      await interleaved(
        'thread page, anonymous, past the response cache',
        connections,
        pastTheCache(anonymousPage),
        toCeiling(anonymousPage, '/thread-page'),
        'thread page, anonymous (beside the rounds past the cache)',
      );
      progress();
    }
    // Signed in, against the ceiling's anonymous page: the bare server's best case for the page.
    for (const connections of [10, 50]) {
      await interleaved(
        'thread page, signed in',
        connections,
        signedInPage,
        toCeiling(anonymousPage, '/thread-page'),
        'thread page, anonymous (beside the signed-in rounds)',
      );
      progress();
    }
    for (const scenario of readScenarios(world, targets, sessions, OPTIONS.concurrency)) {
      results.push(
        await measure(scenario.name, apiTarget, api.url, scenario.connections, scenario.variants),
      );
      progress();
    }
    results.push(
      await measure('thread page as HTML', { name: 'site', pid: site.pid }, site.url, 10, [
        { method: 'GET', path: `/threads/${hotThread}` },
      ]),
    );
    progress();

    // Writes, each counter checked against its rows before and after.
    const written = { answerId: targets.hotAnswerId, ideaId: world.voteIdea.id };
    const before = await counterChecks(databaseUrl, written);
    const answers = postAnswerVariants(world, sessions.readers);
    await interleaved('postAnswer', WRITE_CONNECTIONS, answers, toCeiling(answers, '/post-answer'));
    progress();
    results.push(
      await measure(
        'giveKudo on the hot answer',
        apiTarget,
        api.url,
        WRITE_CONNECTIONS,
        giveKudoVariants(world, targets, sessions.kudoGivers),
      ),
    );
    progress();
    results.push(
      await measure(
        `voteIdea on a hot idea (${world.voteIdea.voters} voters)`,
        apiTarget,
        api.url,
        WRITE_CONNECTIONS,
        voteIdeaVariants(world, sessions.ideaVoters),
      ),
    );
    progress();
    await settledWrites(databaseUrl, { ...written, threadIds: world.threadIds });
    const counts = countVerdicts(before, await counterChecks(databaseUrl, written));

    const statusChange = await measureStatusChange(api.url, databaseUrl, productManager.token, {
      id: targets.hotIdeaId,
      globalId: toGlobalId('Idea', targets.hotIdeaId),
    });
    console.log(
      `Status change on an idea with ${statusChange.voters} voters: ${statusChange.answerMs} ms, ` +
        `${statusChange.notified}/${statusChange.audience} notified` +
        (statusChange.allNotifiedMs === null
          ? ' (not all within 60 s)'
          : ` in ${statusChange.allNotifiedMs} ms`),
    );

    const report: BenchReport = {
      startedAt,
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      scale: OPTIONS.scale,
      machine: machine(),
      settings: {
        seconds: OPTIONS.seconds,
        roundSeconds: ROUND_SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        concurrency: OPTIONS.concurrency,
        rounds: ROUNDS,
      },
      dataset,
      scenarios: results,
      ceiling: comparisons,
      sameThreadPageJson: difference ?? true,
      statusChange,
      counts,
      apiPeakMb: Math.max(...results.filter((r) => r.target === 'API').map((r) => r.peakMb)),
    };
    console.log(`Results: ${writeReport(report)}`);
    // Only what no machine's speed explains fails the run: every answer an error, a count off.
    const failures = [
      ...results
        .filter((r) => r.errors > 0 && r.errors >= r.requests)
        .map((r) => `${r.name} (${r.target}) failed every request: ${r.firstError}`),
      ...counts.filter((c) => !c.exact).map((c) => `not exact: ${c.name}`),
      ...started.filter((p) => !p.running()).map((p) => `${p.name} exited during the run`),
    ];
    for (const r of results.filter((r) => r.errors > 0 && r.errors < r.requests)) {
      console.warn(`${r.name} (${r.target}): ${r.errors} errors, the first: ${r.firstError}`);
    }
    for (const r of results.filter((r) => r.requests === 0)) {
      console.warn(`${r.name} (${r.target}): no answer within its measured seconds`);
    }
    if (failures.length) throw new Error(failures.join('\n'));
  } finally {
    await load.stop();
    for (const process of started.reverse()) await process.stop();
  }
  const plansFile = join(RESULTS_DIR, 'plans.txt');
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
