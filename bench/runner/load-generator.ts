// The load generator's own process (autocannon), so that the requests it sends and the answers
// it reads cost the API's process nothing: the bench sends it a LoadSpec at a time over IPC.
import autocannon from 'autocannon';
import { LoadFigures, LoadReply, LoadRequest, LoadSpec, RequestVariant } from './load-spec';
import { percentile } from './percentile';

/** Where each scenario stopped in its variants, by key. */
const positions = new Map<string, number>();

/** A GraphQL answer names its errors under a top-level key; a string value cannot hold `"errors":`. */
function failed(status: number, body: string): boolean {
  return status < 200 || status >= 300 || body.includes('"errors":');
}

/** What the measured window saw. */
interface Tally {
  latencies: number[];
  errors: number;
  firstError: string | null;
}

/**
 * One continuous autocannon run: the warm-up, then the measured seconds, on the same
 * connections. Only answers that arrive in the measured window count, so the window starts with
 * the pipeline full (a slow answer sent during the warm-up counts with its whole latency), and
 * its rate is the steady one even when answers take longer than the window.
 */
async function measure(spec: LoadSpec): Promise<LoadFigures> {
  const next = (): RequestVariant => {
    const position = positions.get(spec.key) ?? 0;
    positions.set(spec.key, position + 1);
    return spec.variants[position % spec.variants.length];
  };
  const tally: Tally = { latencies: [], errors: 0, firstError: null };
  let measuring = spec.warmupSeconds === 0;
  const error = (message: string) => {
    if (!measuring) return;
    tally.errors++;
    tally.firstError ??= message;
  };
  let windowStart = performance.now();
  let windowEnd = windowStart;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.origin,
        connections: spec.connections,
        duration: spec.warmupSeconds + spec.seconds,
        timeout: 10,
        requests: [
          {
            setupRequest: (request) => {
              const variant = next();
              const method = variant.method ?? 'POST';
              return {
                ...request,
                method,
                path: variant.path,
                headers: {
                  ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
                  ...variant.headers,
                },
                body: variant.body ?? '',
              };
            },
            onResponse: (status, body) => {
              if (failed(status, body)) error(`${status} ${body.slice(0, 300)}`);
            },
          },
        ],
      },
      (failure) => {
        windowEnd = performance.now();
        if (failure) reject(failure);
        else resolve();
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      if (measuring) tally.latencies.push(responseTime);
    });
    instance.on('reqError', (failure: Error) => error(`request error: ${failure.message}`));
    if (!measuring) {
      setTimeout(() => {
        measuring = true;
        windowStart = performance.now();
      }, spec.warmupSeconds * 1000);
    }
  });
  const sorted = Float64Array.from(tally.latencies).sort();
  const round = (value: number) => Math.round(value * 10) / 10;
  const elapsed = Math.max(0.001, (windowEnd - windowStart) / 1000);
  return {
    requests: sorted.length,
    errors: tally.errors,
    perSecond: Math.round(sorted.length / elapsed),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    firstError: tally.firstError,
  };
}

process.on('message', (message: LoadRequest) => {
  measure(message.spec).then(
    (figures) => process.send?.({ id: message.id, figures } satisfies LoadReply),
    (error: Error) =>
      process.send?.({ id: message.id, failure: error.message } satisfies LoadReply),
  );
});
// The bench going away (even killed) closes the channel: nothing is left running.
process.on('disconnect', () => process.exit(0));
