export interface ScenarioResult {
  name: string;
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `call` from `concurrency` loops for `seconds`, and measures its latency in milliseconds. */
export async function runScenario(
  name: string,
  call: (i: number) => Promise<boolean>,
  concurrency: number,
  seconds: number,
): Promise<ScenarioResult> {
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const begin = performance.now();
        const fine = await call(counter++).catch(() => false);
        latencies.push(performance.now() - begin);
        if (!fine) errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const elapsed = (Date.now() - started) / 1000;
  return {
    name,
    requests: latencies.length,
    errors,
    perSecond: Math.round(latencies.length / elapsed),
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p95: Math.round(percentile(latencies, 95) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
  };
}
