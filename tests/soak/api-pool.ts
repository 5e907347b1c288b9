import { ChildApp, FaultPlatform } from '../support/fault-services';

type Api = ChildApp & { url: string };

/**
 * The APIs behind a balancer, as the soak's clients see them: requests go round-robin to the
 * APIs whose readiness answers 200, so one that is stopping (its readiness turns 503 first)
 * stops receiving new requests while it finishes those it has.
 */
export class ApiPool {
  private readonly apis: Api[] = [];
  private ready: Api[] = [];
  private next = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly platform: FaultPlatform) {}

  /** Starts `count` APIs and begins watching their readiness. */
  async start(count: number): Promise<void> {
    for (let i = 0; i < count; i++) this.apis.push(await this.launch());
    this.ready = [...this.apis];
    this.timer = setInterval(() => void this.probe(), 250);
  }

  /** The base address of the next ready API (or of any, while none is ready). */
  url(): string {
    const candidates = this.ready.length ? this.ready : this.apis;
    return candidates[this.next++ % candidates.length].url;
  }

  /** The API that has run since the start: its memory shows whether the process leaks. */
  get first(): Api {
    return this.apis[0];
  }

  /**
   * A rolling restart of the newest API: a replacement is started and ready first, then the old
   * one gets SIGTERM and drains. Resolves once the old one has exited.
   */
  async replaceLast(): Promise<{ exitCode: number | null }> {
    const old = this.apis[this.apis.length - 1];
    const replacement = await this.launch();
    this.apis.push(replacement);
    this.ready.push(replacement);
    old.kill('SIGTERM');
    const exit = await old.exited;
    this.apis.splice(this.apis.indexOf(old), 1);
    this.ready = this.ready.filter((api) => api !== old);
    return { exitCode: exit.code };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** An API that logs only warnings: a line per request would pile up over the soak. */
  private launch(): Promise<Api> {
    return this.platform.api({ LOG_LEVEL: 'warn' });
  }

  private async probe(): Promise<void> {
    const states = await Promise.all(
      this.apis.map(async (api) => {
        const response = await fetch(`${api.url}/health/ready`, {
          signal: AbortSignal.timeout(1000),
        }).catch(() => null);
        return response?.status === 200;
      }),
    );
    this.ready = this.apis.filter((_, index) => states[index]);
  }
}
