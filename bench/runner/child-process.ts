import { ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** A server the bench started as its own process, ready to answer. */
export interface RunningProcess {
  name: string;
  pid: number;
  /** Where it answers, `http://127.0.0.1:port`. */
  url: string;
  /** False once it has exited: a server that dies during the run has crashed. */
  running(): boolean;
  stop(): Promise<void>;
}

export interface ProcessStart {
  name: string;
  script: string;
  /** Flags for Node itself, before the script. */
  nodeFlags?: readonly string[];
  env: Record<string, string>;
  url: string;
  /** A path on `url` that answers 2xx once the process serves. */
  readyPath: string;
  /** Give up waiting after this long (a cold Nest start takes a few seconds on 2 busy cores). */
  readyTimeoutMs?: number;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/** Stops a child with SIGTERM, and with SIGKILL when it has not exited within `graceMs`. */
async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts a Node script as a child process with `env` on top of the bench's own environment,
 * and waits until it answers on its ready path. Its output goes to the bench's, so its warnings
 * and a crash's stack are seen.
 */
export async function startProcess(start: ProcessStart): Promise<RunningProcess> {
  const child = spawn(process.execPath, [...(start.nodeFlags ?? []), start.script], {
    env: { ...process.env, ...start.env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + (start.readyTimeoutMs ?? 60_000);
  while (!(await answers(`${start.url}${start.readyPath}`))) {
    if (child.exitCode !== null) {
      throw new Error(`${start.name} exited with code ${child.exitCode} before it was ready`);
    }
    if (Date.now() > deadline) {
      await stopChild(child, 1000);
      throw new Error(`${start.name} was not ready on ${start.url}${start.readyPath} in time`);
    }
    await sleep(100);
  }
  if (child.pid === undefined) throw new Error(`${start.name} has no process id`);
  return {
    name: start.name,
    pid: child.pid,
    url: start.url,
    running: () => child.exitCode === null && child.signalCode === null,
    stop: () => stopChild(child, 10_000),
  };
}
