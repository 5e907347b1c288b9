import { parseArgs } from 'node:util';
import { DatasetSize } from './dataset';

/**
 * The dataset sizes `--scale` names: small for a CI smoke run (loads in seconds), medium and
 * large to measure; medium is large scaled down ten times, but for the one hot idea, which
 * every member votes for at both.
 */
export const SCALES: Record<string, DatasetSize> = {
  small: {
    members: 1_000,
    threads: 1_000,
    answersPerThread: 3,
    hotThreadAnswers: 100,
    kudos: 3_000,
    hotAnswerKudos: 300,
    cases: 100,
    ideas: 100,
    ideaVotes: 5_000,
    products: 10,
    reviewsPerProduct: 100,
    flaggedAnswers: 30,
  },
  medium: {
    members: 10_000,
    threads: 10_000,
    answersPerThread: 10,
    hotThreadAnswers: 500,
    kudos: 100_000,
    hotAnswerKudos: 2_000,
    cases: 1_000,
    ideas: 1_000,
    ideaVotes: 100_000,
    products: 100,
    reviewsPerProduct: 100,
    flaggedAnswers: 200,
  },
  large: {
    members: 100_000,
    threads: 100_000,
    answersPerThread: 10,
    hotThreadAnswers: 2_000,
    kudos: 1_000_000,
    hotAnswerKudos: 20_000,
    cases: 10_000,
    ideas: 10_000,
    ideaVotes: 1_000_000,
    products: 1_000,
    reviewsPerProduct: 100,
    flaggedAnswers: 1_000,
  },
};

export interface BenchOptions {
  scale: string;
  size: DatasetSize;
  /** How long each scenario runs, after its warm-up. */
  seconds: number;
  concurrency: number;
  /** The database the dataset is built in (dropped first). */
  database: string;
}

/**
 * `npm run bench -- --scale small|medium|large [--seconds N] [--concurrency N]`; the database
 * name is BENCH_DATABASE (community_bench by default), the server BENCH_ADMIN_DATABASE_URL.
 */
export function benchOptions(argv = process.argv.slice(2)): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: 'medium' },
      seconds: { type: 'string', default: process.env.BENCH_SECONDS ?? '10' },
      concurrency: { type: 'string', default: process.env.BENCH_CONCURRENCY ?? '16' },
    },
  });
  const size = SCALES[values.scale];
  if (!size) {
    throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}: ${values.scale}`);
  }
  const seconds = Number(values.seconds);
  const concurrency = Number(values.concurrency);
  if (!(seconds > 0) || !Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error('--seconds must be above 0 and --concurrency a whole number from 1');
  }
  const database = process.env.BENCH_DATABASE ?? 'community_bench';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) {
    throw new Error(`BENCH_DATABASE must be a plain Postgres name: ${database}`);
  }
  return { scale: values.scale, size, seconds, concurrency, database };
}
