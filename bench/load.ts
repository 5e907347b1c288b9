import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { LoadFigures, LoadReply, LoadSpec } from './runner/load-spec';
import { peakResidentMb } from './runner/memory';

/** A scenario's figures, and the peak resident memory of the process that served it. */
export interface ScenarioResult extends LoadFigures {
  name: string;
  connections: number;
  /** Who answered: the API, the ceiling or the site. */
  target: string;
  peakMb: number;
}

/**
 * The load generator (autocannon) in its own process, kept for the whole run so that each
 * scenario starts at once. One scenario runs at a time.
 */
export class LoadGenerator {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number, (reply: LoadReply) => void>();
  private nextId = 1;

  constructor() {
    this.child = fork(join(__dirname, 'runner', 'load-generator.js'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (reply: LoadReply) => {
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
    this.child.on('exit', (code) => {
      for (const settle of this.waiting.values()) {
        settle({ id: 0, failure: `the load generator exited (code ${code})` });
      }
      this.waiting.clear();
    });
  }

  /** Runs one spec: its warm-up, then its measured seconds. */
  run(spec: LoadSpec): Promise<LoadFigures> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (reply) =>
        'figures' in reply ? resolve(reply.figures) : reject(new Error(reply.failure)),
      );
      this.child.send({ id, spec });
    });
  }

  /** Runs a spec while sampling the memory of the process `pid` that serves it. */
  async measure(
    name: string,
    target: { name: string; pid: number },
    spec: LoadSpec,
  ): Promise<ScenarioResult> {
    const { result, peakMb } = await peakResidentMb(target.pid, () => this.run(spec));
    return { name, connections: spec.connections, target: target.name, ...result, peakMb };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    await exited;
  }
}
