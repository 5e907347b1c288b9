import { join } from 'node:path';
import { API_NODE_FLAGS } from '../../apps/api/src/heap-flags';
import { RunningProcess, startProcess } from './child-process';
import { freePort } from './ports';

const DIST = join(__dirname, '..', '..');

/** What the API and the worker of a bench run share: its database, its Redis keys, its secret. */
export interface ServiceSettings {
  databaseUrl: string;
  redisPrefix: string;
  jwtSecret: string;
}

/** Production settings, as an operator runs them, less what would throttle a load test. */
function productionEnv(settings: ServiceSettings): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: settings.databaseUrl,
    REDIS_PREFIX: settings.redisPrefix,
    JWT_SECRET: settings.jwtSecret,
    RATE_LIMIT: 'off',
    // The bench's members post the same texts in bursts, which automod would rightly hold.
    AUTOMOD_THRESHOLD: '100',
    // No load balancer drains the bench's API: it may stop at once.
    SHUTDOWN_DELAY_MS: '0',
    SHUTDOWN_GRACE_MS: '5000',
    // No collector listens here.
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
  };
}

/** The built API (`dist/apps/api/src/main.js`) as its own process. */
export async function startApi(settings: ServiceSettings): Promise<RunningProcess> {
  const port = await freePort();
  return startProcess({
    name: 'the API',
    script: join(DIST, 'apps', 'api', 'src', 'main.js'),
    nodeFlags: API_NODE_FLAGS,
    env: { ...productionEnv(settings), PORT: String(port), WORKER_PORT: '0' },
    url: `http://127.0.0.1:${port}`,
    readyPath: '/health/ready',
  });
}

/** The built worker (`dist/apps/worker/src/main.js`), which relays the outbox and fans out. */
export async function startWorker(settings: ServiceSettings): Promise<RunningProcess> {
  const port = await freePort();
  return startProcess({
    name: 'the worker',
    script: join(DIST, 'apps', 'worker', 'src', 'main.js'),
    env: { ...productionEnv(settings), WORKER_PORT: String(port), PORT: '0' },
    url: `http://127.0.0.1:${port}`,
    readyPath: '/health/ready',
  });
}

/** The bare ceiling (bench/baseline), with the API's database pool size and secret. */
export async function startCeiling(settings: ServiceSettings): Promise<RunningProcess> {
  const port = await freePort();
  return startProcess({
    name: 'the ceiling',
    script: join(DIST, 'bench', 'baseline', 'server.js'),
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: settings.databaseUrl,
      JWT_SECRET: settings.jwtSecret,
      PORT: String(port),
    },
    url: `http://127.0.0.1:${port}`,
    readyPath: '/health',
  });
}
