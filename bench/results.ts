import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ScenarioResult } from './load';
import { LoadFigures } from './runner/load-spec';
import { CountVerdict } from './runner/exact-counts';
import { StatusChangeResult } from './runner/idea-status-fanout';

export const RESULTS_DIR = join(__dirname, '..', '..', 'bench', 'results');

/** The API and the ceiling on one scenario, measured in alternating rounds of one run. */
export interface CeilingComparison {
  name: string;
  connections: number;
  rounds: Array<{ api: LoadFigures; ceiling: LoadFigures; ratio: number }>;
  /** The median of the rounds' ratios of requests per second, API / ceiling. */
  ratio: number;
}

export interface BenchReport {
  startedAt: string;
  command: string;
  scale: string;
  machine: string;
  settings: {
    seconds: number;
    roundSeconds: number;
    warmupSeconds: number;
    concurrency: number;
    rounds: number;
  };
  /** The scale's sizes, as bench/options.ts names them, and how fast the generator wrote it. */
  dataset: { size: object; rows: number; seconds: number; rowsPerSecond: number };
  scenarios: ScenarioResult[];
  ceiling: CeilingComparison[];
  /** The ceiling's answer equals the API's for the hot thread (else where they first differ). */
  sameThreadPageJson: true | string;
  statusChange: StatusChangeResult;
  counts: CountVerdict[];
  apiPeakMb: number;
}

/** The machine a run measured, in a line: what makes two runs comparable or not. */
export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Writes the run to bench/results/ as JSON and as Markdown, dated and as latest.{json,md}. */
export function writeReport(report: BenchReport): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const markdown = toMarkdown(report);
  for (const base of [`${stamp}-${report.scale}`, 'latest']) {
    writeFileSync(join(RESULTS_DIR, `${base}.json`), json);
    writeFileSync(join(RESULTS_DIR, `${base}.md`), markdown);
  }
  return join(RESULTS_DIR, 'latest.md');
}

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

function toMarkdown(report: BenchReport): string {
  const { settings, dataset, statusChange } = report;
  const fanOut =
    statusChange.allNotifiedMs === null
      ? `${statusChange.notified} of ${statusChange.audience} notified after 60 s`
      : `all ${statusChange.audience} notified in ${statusChange.allNotifiedMs} ms`;
  return [
    `# Bench, ${report.scale} (${report.startedAt})`,
    '',
    `Machine: ${report.machine}. Command: \`${report.command}\`.`,
    '',
    `Dataset: ${Object.entries(dataset.size)
      .map(([what, count]) => `${what} ${count}`)
      .join(
        ', ',
      )}; ${dataset.rows} rows in ${dataset.seconds} s (${dataset.rowsPerSecond} rows/s). ` +
      `Each scenario: ${settings.warmupSeconds} s of warm-up, then ${settings.seconds} s measured ` +
      `(the interleaved ones: ${settings.rounds} rounds of API then ceiling, ${settings.roundSeconds} s ` +
      `each, after a warm-up). API, worker, ceiling and load generator (autocannon) are separate processes; ` +
      `p95 is exact (every latency kept), and interleaved figures are the rounds' medians.`,
    '',
    '| scenario | served by | connections | requests | errors | requests/s | p50 ms | p95 ms | p99 ms | peak RSS MB |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.scenarios.map(
      (s) =>
        `| ${s.name} | ${s.target} | ${s.connections} | ${s.requests} | ${s.errors} | ${s.perSecond} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.peakMb} |`,
    ),
    '',
    'The API as a share of the bare ceiling (`bench/baseline`: node:http + pg), same run, rounds alternating:',
    '',
    '| scenario | connections | API requests/s by round | ceiling requests/s by round | API / ceiling (median) |',
    '| --- | ---: | --- | --- | ---: |',
    ...report.ceiling.map(
      (c) =>
        `| ${c.name} | ${c.connections} | ${c.rounds.map((r) => r.api.perSecond).join(', ')} | ` +
        `${c.rounds.map((r) => r.ceiling.perSecond).join(', ')} | ${percent(c.ratio)} |`,
    ),
    '',
    `Thread page JSON of the ceiling and the API: ${report.sameThreadPageJson === true ? 'the same' : `differs at ${report.sameThreadPageJson}`}.`,
    '',
    `Idea status change on the hot idea (${statusChange.voters} voters): answered in ${statusChange.answerMs} ms; ${fanOut}.`,
    '',
    `API peak resident memory under load: ${report.apiPeakMb} MB.`,
    '',
    '| count after the writes | before | after | exact |',
    '| --- | --- | --- | --- |',
    ...report.counts.map(
      (c) =>
        `| ${c.name} | ${c.before.counter} / ${c.before.rows} | ${c.after.counter} / ${c.after.rows} | ${c.exact ? 'yes' : '**no**'} |`,
    ),
    '',
  ].join('\n');
}
