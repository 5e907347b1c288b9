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

interface Tally {
  latencies: number[];
  errors: number;
  firstError: string | null;
}

/** One autocannon run of `seconds` over the spec's variants, counted into `tally`. */
async function run(spec: LoadSpec, seconds: number, tally: Tally): Promise<number> {
  const next = (): RequestVariant => {
    const position = positions.get(spec.key) ?? 0;
    positions.set(spec.key, position + 1);
    return spec.variants[position % spec.variants.length];
  };
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.origin,
        connections: spec.connections,
        duration: seconds,
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
              if (!failed(status, body)) return;
              tally.errors++;
              tally.firstError ??= `${status} ${body.slice(0, 300)}`;
            },
          },
        ],
      },
      (error) => (error ? reject(error) : resolve()),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      tally.latencies.push(responseTime);
    });
    instance.on('reqError', (error: Error) => {
      tally.errors++;
      tally.firstError ??= `request error: ${error.message}`;
    });
  });
  return (performance.now() - started) / 1000;
}

async function measure(spec: LoadSpec): Promise<LoadFigures> {
  if (spec.warmupSeconds > 0) {
    await run(spec, spec.warmupSeconds, { latencies: [], errors: 0, firstError: null });
  }
  const tally: Tally = { latencies: [], errors: 0, firstError: null };
  const elapsed = await run(spec, spec.seconds, tally);
  const sorted = Float64Array.from(tally.latencies).sort();
  const round = (value: number) => Math.round(value * 10) / 10;
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
