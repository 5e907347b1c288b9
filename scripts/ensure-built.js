// Builds dist/ when it is missing or older than any source file, so `npm start` works right after `npm ci`.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', 'apps', 'api', 'src', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const sourcesChanged = () =>
  Math.max(...['apps', 'libs', 'bench'].map((dir) => newestSource(join(root, dir)))) >
  statSync(stamp).mtimeMs;

if (!existsSync(stamp) || sourcesChanged()) {
  console.log('Building…');
  execSync('npx nest build', { cwd: root, stdio: 'inherit' });
}
