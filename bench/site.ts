import { join } from 'node:path';
import { RunningProcess, startProcess } from './runner/child-process';
import { freePort } from './runner/ports';

/**
 * The site's production build as its own process in front of the bench's API, so that a page
 * rendered through the API can be measured beside the API's own answer for the same data.
 */
export async function startSite(apiBase: string): Promise<RunningProcess> {
  const port = await freePort();
  return startProcess({
    name: 'the site',
    script: join(__dirname, '..', '..', 'apps', 'web', 'server.js'),
    env: {
      NODE_ENV: 'production',
      WEB_PORT: String(port),
      API_URL: apiBase,
      SESSION_SECRET: 'bench-session-secret-of-at-least-32-chars',
    },
    url: `http://127.0.0.1:${port}`,
    readyPath: '/health/live',
  });
}
