import { FaultPlatform } from '../support/fault-services';
import { ApiPool } from './api-pool';
import { createCommunity } from './community';
import { FaultSchedule } from './fault-schedule';
import { finalCheck } from './final-check';
import { figures, formatFigures, residentMiB } from './report';
import { Traffic } from './traffic';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 12);
const WARM_UP_MS = 20000;

/**
 * `npm run soak`: mixed traffic from many members against two APIs and a worker, on a private
 * Postgres and Redis, while Redis goes away, Postgres restarts, an API is rolled and the worker
 * is killed, on a schedule. It prints the load held, the outcomes by code, the memory, and a
 * final check of every counter and write; it fails on any 5xx other than the retryable 503, on
 * a write lost or made twice, and on a counter that is off.
 */
describe('soak', () => {
  const platform = new FaultPlatform({
    // Killed jobs are handed on within a second or so, not a minute.
    env: { QUEUE_STALLED_INTERVAL_MS: '1000' },
  });
  const apis = new ApiPool(platform);

  beforeAll(async () => {
    await platform.start();
    await apis.start(2);
  }, 180000);
  afterAll(async () => {
    apis.stop();
    await platform.stop();
  }, 60000);

  it(
    `holds ${MINUTES} minutes of mixed traffic through scheduled faults`,
    async () => {
      const community = await createCommunity(platform, apis.url(), CLIENTS);
      const faults = new FaultSchedule(platform, apis, await platform.worker());
      const traffic = new Traffic(() => apis.url(), community);

      traffic.start();
      await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
      const apiStart = residentMiB(apis.first.pid);
      const startedAt = Date.now();
      const endsAt = startedAt + MINUTES * 60000;
      faults.start(startedAt, endsAt);
      await new Promise((resolve) => setTimeout(resolve, endsAt - Date.now()));
      await faults.stop();
      await traffic.stop();
      const endedAt = Date.now();
      const memoryMiB = {
        apiStart,
        apiEnd: residentMiB(apis.first.pid),
        workerEnd: residentMiB(faults.currentWorker.pid),
      };

      const measured = traffic.attempts.filter((attempt) => attempt.at >= startedAt);
      const result = figures(measured, startedAt, endedAt, {
        clients: CLIENTS,
        lost: traffic.lost.length,
        messages: Object.fromEntries(traffic.messages),
        faults: faults.injected,
        memoryMiB,
        final: await finalCheck(platform, traffic),
      });
      process.stdout.write(`\n${formatFigures(result)}\n\n`);
      const errors = platform.children.flatMap((child) =>
        child.logs().filter((line) => Number(line.level) >= 50),
      );
      if (errors.length)
        process.stdout.write(
          `Errors logged:\n${errors
            .slice(0, 20)
            .map((line) => JSON.stringify(line))
            .join('\n')}\n`,
        );

      const outcomes = Object.keys(result.outcomes);
      expect(outcomes.filter((outcome) => /INTERNAL|HTTP 5(?!03)/.test(outcome))).toEqual([]);
      expect(traffic.lost).toEqual([]);
      expect(result.final.counterDifferences).toEqual([]);
      expect(result.final.duplicateWrites).toEqual([]);
      expect(result.final.missingWrites).toEqual([]);
      expect(result.final.answersNotNotifiedOnce).toBe(0);
      expect(result.final.outboxPending).toBe(0);
      expect(
        result.faults.filter((fault) => fault.note?.includes('exited with 0') === false),
      ).toEqual([]);
    },
    (MINUTES + 10) * 60000,
  );
});
