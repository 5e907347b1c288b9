import { ChildApp, FaultPlatform } from '../support/fault-services';
import { ApiPool } from './api-pool';

/** One fault as it happened: when it began (seconds into the soak), what it was, how long it took. */
export interface InjectedFault {
  atSeconds: number;
  fault: string;
  tookMs: number;
  note?: string;
}

const CYCLE_SECONDS = 120;
const REDIS_OUTAGE_MS = 15000;
const WORKER_DOWN_MS = 3000;

/**
 * The faults production meets, injected on a schedule that repeats every two minutes:
 * Redis away for 15 s, a Postgres restart, a rolling restart of an API (SIGTERM), and the
 * worker killed (SIGKILL) and replaced.
 */
export class FaultSchedule {
  readonly injected: InjectedFault[] = [];
  private stopped = false;
  private run: Promise<void> = Promise.resolve();

  constructor(
    private readonly platform: FaultPlatform,
    private readonly apis: ApiPool,
    private worker: ChildApp,
  ) {}

  /** The worker running now (the schedule replaces it). */
  get currentWorker(): ChildApp {
    return this.worker;
  }

  start(startedAt: number, endsAt: number): void {
    const faults: Array<
      [offsetSeconds: number, name: string, inject: () => Promise<string | void>]
    > = [
      [20, 'Redis stopped for 15 s', () => this.redisOutage()],
      [50, 'Postgres restarted', () => this.platform.postgres.restart()],
      [75, 'API rolling restart (SIGTERM)', () => this.rollApi()],
      [100, 'worker killed (SIGKILL) and replaced', () => this.killWorker()],
    ];
    this.run = (async () => {
      for (let cycle = 0; !this.stopped; cycle++) {
        for (const [offset, fault, inject] of faults) {
          const at = startedAt + (cycle * CYCLE_SECONDS + offset) * 1000;
          // A fault is injected only when it can end before the traffic does.
          if (at + 30000 > endsAt) return;
          await this.sleepUntil(at);
          if (this.stopped) return;
          const began = Date.now();
          const note = await inject();
          this.injected.push({
            atSeconds: Math.round((began - startedAt) / 1000),
            fault,
            tookMs: Date.now() - began,
            ...(note ? { note } : {}),
          });
        }
      }
    })();
  }

  /** Waits for the fault being injected to end (Redis back, the new API and worker running). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.run;
  }

  private async redisOutage(): Promise<void> {
    await this.platform.redis.stop();
    await new Promise((resolve) => setTimeout(resolve, REDIS_OUTAGE_MS));
    await this.platform.redis.start();
  }

  private async rollApi(): Promise<string> {
    const { exitCode } = await this.apis.replaceLast();
    return `old API exited with ${exitCode}`;
  }

  private async killWorker(): Promise<void> {
    this.worker.kill('SIGKILL');
    await this.worker.exited;
    await new Promise((resolve) => setTimeout(resolve, WORKER_DOWN_MS));
    this.worker = await this.platform.worker();
  }

  private async sleepUntil(at: number): Promise<void> {
    while (!this.stopped && Date.now() < at) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(500, at - Date.now())));
    }
  }
}
