// Builds what is missing or older than its sources, so `npm start` works right after `npm ci`:
// the API, worker and CLI into dist/, the site into apps/web/build/.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const SOURCE = /\.(ts|tsx|css|json)$/;
const SKIPPED = new Set(['node_modules', 'build', '.react-router', 'web']);

function newestSource(dir, skipped = SKIPPED) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path, skipped));
    else if (SOURCE.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const builds = [
  {
    name: 'api',
    what: 'the API, worker and CLI',
    stamp: join(root, 'dist', 'apps', 'api', 'src', 'main.js'),
    sources: () =>
      Math.max(...['apps', 'libs', 'bench'].map((dir) => newestSource(join(root, dir)))),
    command: 'npx nest build',
  },
  {
    name: 'site',
    what: 'the site',
    stamp: join(root, 'apps', 'web', 'build', 'server', 'index.js'),
    sources: () =>
      newestSource(join(root, 'apps', 'web'), new Set(['node_modules', 'build', '.react-router'])),
    command: 'npm run build -w apps/web',
  },
];

// `--only site` (the browser tests' setup) builds the site alone.
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : null;

for (const build of builds.filter((b) => only === null || b.name === only)) {
  if (existsSync(build.stamp) && build.sources() <= statSync(build.stamp).mtimeMs) continue;
  console.log(`Building ${build.what}…`);
  execSync(build.command, { cwd: root, stdio: 'inherit' });
}
