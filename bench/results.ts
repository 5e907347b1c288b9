import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { BenchOptions } from './options';
import { ScenarioResult } from './load';

const RESULTS_DIR = join(__dirname, '..', '..', 'bench', 'results');

export interface BenchReport {
  startedAt: string;
  scale: string;
  machine: string;
  dataset: { rows: number; seconds: number; rowsPerSecond: number };
  scenarios: ScenarioResult[];
}

/** The machine a run measured, in a line: what makes two runs comparable or not. */
export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Writes the run to bench/results/ as JSON and as a Markdown table, and as latest.{json,md}. */
export function writeReport(report: BenchReport, options: BenchOptions): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const markdown = toMarkdown(report, options);
  for (const base of [`${stamp}-${report.scale}`, 'latest']) {
    writeFileSync(join(RESULTS_DIR, `${base}.json`), json);
    writeFileSync(join(RESULTS_DIR, `${base}.md`), markdown);
  }
  return join(RESULTS_DIR, 'latest.md');
}

function toMarkdown(report: BenchReport, options: BenchOptions): string {
  const { size } = options;
  const lines = [
    `# Bench, ${report.scale} (${report.startedAt})`,
    '',
    `Machine: ${report.machine}. Dataset: ${size.members} members, ${size.threads} threads, ` +
      `${size.threads * size.answersPerThread} answers, ${size.cases} cases: ${report.dataset.rows} rows ` +
      `in ${report.dataset.seconds} s (${report.dataset.rowsPerSecond} rows/s). ` +
      `Each scenario ${options.seconds} s at ${options.concurrency} connections unless named.`,
    '',
    '| scenario | requests | errors | requests/s | p50 ms | p95 ms | p99 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.scenarios.map(
      (s) =>
        `| ${s.name} | ${s.requests} | ${s.errors} | ${s.perSecond} | ${s.p50} | ${s.p95} | ${s.p99} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
