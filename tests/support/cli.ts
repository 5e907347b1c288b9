import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { SourceBuild } from './fault-services';

const ROOT = join(__dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI of `build` as `npm run cli -- …args` would, with only `env` (and PATH) set. */
export function runCli(
  build: SourceBuild,
  args: string[],
  env: Record<string, string>,
): Promise<CliRun> {
  const main = join(build.dir, 'apps', 'cli', 'src', 'main.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
