import { readFileSync } from 'node:fs';
import { InjectedFault } from './fault-schedule';
import { FinalCheck } from './final-check';
import { Attempt } from './traffic';

/** Resident memory of a process in MiB, from /proc (0 once it has exited). */
export function residentMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kib / 1024);
  } catch {
    return 0;
  }
}

export interface SoakFigures {
  minutes: number;
  clients: number;
  requests: number;
  requestsPerSecond: number;
  /** Requests per second in each minute: whether the load held through the faults. */
  perMinute: number[];
  latencyMs: { p50: number; p95: number; p99: number };
  outcomes: Record<string, number>;
  byOperation: Record<string, Record<string, number>>;
  lost: number;
  /** The first message of each operation's error outcomes. */
  messages: Record<string, string>;
  faults: InjectedFault[];
  memoryMiB: { apiStart: number; apiEnd: number; workerEnd: number };
  final: FinalCheck;
}

const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : 0;

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

export function figures(
  attempts: Attempt[],
  startedAt: number,
  endedAt: number,
  rest: Pick<SoakFigures, 'clients' | 'lost' | 'messages' | 'faults' | 'memoryMiB' | 'final'>,
): SoakFigures {
  const seconds = (endedAt - startedAt) / 1000;
  const perMinute: number[] = [];
  for (const attempt of attempts) {
    const minute = Math.floor((attempt.at - startedAt) / 60000);
    perMinute[minute] = (perMinute[minute] ?? 0) + 1;
  }
  const latencies = attempts.map((attempt) => attempt.ms).sort((a, b) => a - b);
  const byOperation: SoakFigures['byOperation'] = {};
  for (const attempt of attempts) {
    const counts = (byOperation[attempt.operation] ??= {});
    counts[attempt.outcome] = (counts[attempt.outcome] ?? 0) + 1;
  }
  return {
    ...rest,
    minutes: Math.round((seconds / 60) * 10) / 10,
    requests: attempts.length,
    requestsPerSecond: Math.round(attempts.length / seconds),
    // The last minute may be partial: its rate is over the seconds it had.
    perMinute: Array.from(perMinute, (count, minute) =>
      Math.round((count ?? 0) / Math.min(60, seconds - minute * 60)),
    ),
    latencyMs: {
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
    },
    outcomes: countBy(attempts, (attempt) => attempt.outcome),
    byOperation,
  };
}

/** The figures as the lines a person reads after `npm run soak`. */
export function formatFigures(result: SoakFigures): string {
  const table = (counts: Record<string, number>): string =>
    Object.entries(counts)
      .sort(([, a], [, b]) => b - a)
      .map(([outcome, count]) => `${outcome} ${count}`)
      .join(', ');
  const lines = [
    `Soak: ${result.minutes} min, ${result.clients} clients, ${result.requests} requests (${result.requestsPerSecond}/s)`,
    `Requests/s by minute: ${result.perMinute.join(' ')}`,
    `Latency: p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, p99 ${result.latencyMs.p99} ms`,
    `Outcomes: ${table(result.outcomes)}`,
    ...Object.entries(result.byOperation).map(
      ([operation, counts]) => `  ${operation}: ${table(counts)}`,
    ),
    ...Object.entries(result.messages).map(([what, message]) => `  ${what}: "${message}"`),
    `Lost after retries: ${result.lost}`,
    `Faults (${result.faults.length}):`,
    ...result.faults.map(
      (fault) =>
        `  at ${fault.atSeconds}s ${fault.fault} (${fault.tookMs} ms)${fault.note ? `, ${fault.note}` : ''}`,
    ),
    `Memory: API ${result.memoryMiB.apiStart} MiB at start, ${result.memoryMiB.apiEnd} MiB at end; worker ${result.memoryMiB.workerEnd} MiB at end`,
    `Counters recomputed: ${result.final.counterDifferences.length} differences; writes twice: ${result.final.duplicateWrites.length}; acknowledged but missing: ${result.final.missingWrites.length}; answers not notified exactly once: ${result.final.answersNotNotifiedOnce}; outbox pending: ${result.final.outboxPending}`,
  ];
  return lines.join('\n');
}
