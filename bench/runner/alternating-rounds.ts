import { LoadGenerator, ScenarioResult } from '../load';
import { CeilingComparison } from '../results';
import { RequestVariant } from './load-spec';

/** A process the rounds send load to. */
export interface RoundTarget {
  name: string;
  url: string;
  pid: number;
}

/** How the rounds run: how many, each one's warm-up and measured seconds. */
export interface RoundTiming {
  rounds: number;
  warmupSeconds: number;
  roundSeconds: number;
}

/** One scenario as the API and the ceiling each get it. */
export interface AlternatingScenario {
  name: string;
  connections: number;
  apiVariants: RequestVariant[];
  ceilingVariants: RequestVariant[];
  /** The ceiling's row, when it answers something else than the API's (the anonymous page). */
  ceilingName?: string;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Figures of several rounds as one row: requests summed, rates and latencies their medians. */
function combined(rounds: ScenarioResult[]): ScenarioResult {
  const of = (pick: (r: ScenarioResult) => number) => median(rounds.map(pick));
  return {
    ...rounds[0],
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    perSecond: of((r) => r.perSecond),
    p50: of((r) => r.p50),
    p95: of((r) => r.p95),
    p99: of((r) => r.p99),
    peakMb: Math.max(...rounds.map((r) => r.peakMb)),
    firstError: rounds.find((r) => r.firstError)?.firstError ?? null,
  };
}

/**
 * The API and the ceiling in alternating rounds (API, ceiling, API, ...), so that each round's
 * ratio of requests per second comes from the same minute of a noisy machine. Returns the
 * comparison, every round's figures in it, and the combined row of each side.
 */
export async function alternatingRounds(
  load: LoadGenerator,
  targets: { api: RoundTarget; ceiling: RoundTarget },
  timing: RoundTiming,
  scenario: AlternatingScenario,
): Promise<{ comparison: CeilingComparison; api: ScenarioResult; ceiling: ScenarioResult }> {
  const { name, connections } = scenario;
  const run = (target: RoundTarget, rowName: string, variants: RequestVariant[]) =>
    load.measure(rowName, target, {
      key: `${target.name} ${name} ${connections}`,
      origin: target.url,
      connections,
      warmupSeconds: timing.warmupSeconds,
      seconds: timing.roundSeconds,
      variants,
    });
  const rounds: Array<{ api: ScenarioResult; ceiling: ScenarioResult }> = [];
  for (let round = 0; round < timing.rounds; round++) {
    const api = await run(targets.api, name, scenario.apiVariants);
    const ceiling = await run(
      targets.ceiling,
      scenario.ceilingName ?? name,
      scenario.ceilingVariants,
    );
    rounds.push({ api, ceiling });
  }
  const ratios = rounds.map((r) => r.api.perSecond / Math.max(1, r.ceiling.perSecond));
  return {
    comparison: {
      name,
      connections,
      rounds: rounds.map((r, i) => ({ api: r.api, ceiling: r.ceiling, ratio: ratios[i] })),
      ratio: median(ratios),
    },
    api: combined(rounds.map((r) => r.api)),
    ceiling: combined(rounds.map((r) => r.ceiling)),
  };
}
