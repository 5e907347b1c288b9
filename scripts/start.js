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

// Read after the build, so the port and public address follow the same rules as the API's.
const { loadConfigOrExit } = require(
  join(root, 'dist', 'libs', 'core', 'src', 'config', 'config.js'),
);
const config = loadConfigOrExit();

const children = ['api', 'worker'].map((app) =>
  spawn(process.execPath, [dist(app)], { stdio: 'inherit', env: process.env }),
);
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
  probeUrl: `http://127.0.0.1:${config.port}/health/ready`,
  label: 'Community platform',
  address: `${config.publicUrl}/graphql`,
  stopped: () => stopping,
});
