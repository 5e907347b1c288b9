import DataLoader from 'dataloader';

/**
 * When a loader sends its batch. Stage 0 sends on the next tick, as DataLoader does. A later
 * stage waits until no batch of an earlier stage is queued or running (nor a read given to
 * `track`): the keys those reads reveal join its batch. A thread page's authors come from the
 * thread, its solution, its answers and their corrections, at four depths; as stage 2 they are
 * one statement instead of one per depth.
 */
export type LoaderStage = 0 | 1 | 2;

/**
 * How long a later stage waits at most: a guard, not a schedule. Only a batch of an earlier stage
 * that itself waits on a later one (which would otherwise never send) should reach it; a request
 * slowed by load must not, or its batches split just when statements cost the most.
 */
const MAX_WAIT_MS = 1000;

interface Waiting {
  stage: LoaderStage;
  send: () => void;
  timer?: NodeJS.Timeout;
}

/**
 * The DataLoaders of one request, created on first use by name. It lives exactly as long as the
 * request (the GraphQL context holds it), so batching never serves one viewer's data to another;
 * services that batch take it as an argument instead of the whole context.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();
  /** Batches queued or running, and tracked reads, per stage. */
  private readonly busy = [0, 0, 0];
  private readonly waiting = new Set<Waiting>();
  private releaseQueued = false;

  /**
   * The loader named `name`, batching through `batch` (keys in, values in the same order out);
   * the stage is fixed by the first call for the name.
   */
  get<K, V>(
    name: string,
    batch: (keys: readonly K[]) => Promise<V[]>,
    stage: LoaderStage = 0,
  ): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => this.run(stage, () => batch(keys)), {
        maxBatchSize: 500,
        batchScheduleFn: (send) => this.schedule(stage, send),
      });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /**
   * Counts a read made outside any loader (a page of answers) as a stage-0 batch, so that the
   * later stages wait for what it reveals too.
   */
  track<T>(read: Promise<T>): Promise<T> {
    this.busy[0]++;
    return read.finally(() => this.settled(0));
  }

  /**
   * Forgets every loaded value. A subscription keeps one context for all its events, so each
   * event starts afresh instead of being answered from what an earlier event cached.
   */
  clear(): void {
    this.loaders.clear();
  }

  private schedule(stage: LoaderStage, send: () => void): void {
    this.busy[stage]++;
    // DataLoader's own schedule for stage 0: after the promise jobs of this tick.
    const dispatch = (): void => {
      send();
      this.busy[stage]--;
    };
    if (stage === 0) {
      void Promise.resolve().then(() => process.nextTick(dispatch));
      return;
    }
    const entry: Waiting = { stage, send: dispatch };
    this.waiting.add(entry);
    entry.timer = setTimeout(() => this.sendNow(entry), MAX_WAIT_MS).unref();
    this.queueRelease();
  }

  private async run<V>(stage: LoaderStage, work: () => Promise<V[]>): Promise<V[]> {
    this.busy[stage]++;
    try {
      return await work();
    } finally {
      this.settled(stage);
    }
  }

  private settled(stage: LoaderStage): void {
    this.busy[stage]--;
    this.queueRelease();
  }

  /**
   * Looks again once the values just loaded have been handed out (their consumers run in promise
   * jobs, before setImmediate) and have asked for whatever they lead to.
   */
  private queueRelease(): void {
    if (this.releaseQueued || this.waiting.size === 0) return;
    this.releaseQueued = true;
    setImmediate(() => {
      this.releaseQueued = false;
      this.release();
    });
  }

  /** Sends the waiting batches of the earliest stage once every stage before it is idle. */
  private release(): void {
    let earliest = Infinity;
    for (const entry of this.waiting) earliest = Math.min(earliest, entry.stage);
    for (let stage = 0; stage < earliest; stage++) if (this.busy[stage] > 0) return;
    for (const entry of [...this.waiting]) if (entry.stage === earliest) this.sendNow(entry);
  }

  private sendNow(entry: Waiting): void {
    if (!this.waiting.delete(entry)) return;
    clearTimeout(entry.timer);
    entry.send();
  }
}
