import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RunningSite {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address !== 'object') throw new Error('no free port');
  return address.port;
}

/**
 * The site's production build as its own process in front of the bench's API, so that a page
 * rendered through the API can be measured beside the API's own answer for the same data.
 */
export async function startSite(apiBase: string): Promise<RunningSite> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'apps', 'web', 'server.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      WEB_PORT: String(port),
      API_URL: apiBase,
      SESSION_SECRET: 'bench-session-secret-of-at-least-32-chars',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    const up = await fetch(`${url}/health/live`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (attempt > 100 || child.exitCode !== null) throw new Error('the site did not start');
    await sleep(100);
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
