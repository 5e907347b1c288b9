// `npm start`: build if needed, create and migrate the database, then run the API and the worker.
const { execFileSync, spawn } = require('node:child_process');
const { join } = require('node:path');
const { announceWhenReady } = require('./announce-when-ready');

const root = join(__dirname, '..');
const dist = (app) => join(root, 'dist', 'apps', app, 'src', 'main.js');

/** Runs a step in the foreground; one that fails has said why, so npm start only stops. */
function step(args) {
  try {
    execFileSync(process.execPath, args, { stdio: 'inherit' });
  } catch (error) {
    process.exit(error.status ?? 1);
  }
}

step([join(__dirname, 'ensure-built.js')]);
step([dist('cli'), 'migrate']);

// Read after the build, so the ports follow the same rules as the API's.
const { loadConfigOrExit } = require(
  join(root, 'dist', 'libs', 'core', 'src', 'config', 'config.js'),
);
const config = loadConfigOrExit();
const { API_NODE_FLAGS } = require(join(root, 'dist', 'apps', 'api', 'src', 'heap-flags.js'));
const webPort = process.env.WEB_PORT ?? '8080';
// The site is the address a person uses: links in emails point there, and the API behind it
// believes the visitor address the site forwards (it runs on this machine).
const env = {
  ...process.env,
  PUBLIC_URL: process.env.PUBLIC_URL ?? `http://127.0.0.1:${webPort}`,
  TRUST_PROXY: process.env.TRUST_PROXY ?? 'loopback',
};
const web = join(root, 'apps', 'web', 'server.js');

const children = [
  spawn(process.execPath, [...API_NODE_FLAGS, dist('api')], { stdio: 'inherit', env }),
  spawn(process.execPath, [dist('worker')], { stdio: 'inherit', env }),
  spawn(process.execPath, [web], {
    stdio: 'inherit',
    env: { ...env, WEB_PORT: webPort, API_URL: `http://127.0.0.1:${config.port}` },
  }),
];
let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stop(code ?? 1));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

void announceWhenReady({
  probeUrls: [
    `http://127.0.0.1:${config.port}/health/ready`,
    `http://127.0.0.1:${webPort}/health/live`,
  ],
  label: 'Community platform',
  address: env.PUBLIC_URL,
  stopped: () => stopping,
});
