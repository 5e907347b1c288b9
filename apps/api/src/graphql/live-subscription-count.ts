import { Gauge } from 'prom-client';

/**
 * Keeps the live-subscriptions gauge right. A subscription counts from when it starts running
 * until graphql-ws reports it complete (ended by the server or the client) or its socket closes,
 * whichever comes first: a socket that drops mid-send may never report completion, and its
 * close is the one report that always comes. Each subscription is taken off once.
 */
export class LiveSubscriptionCount {
  /** Per socket (graphql-ws's connection context), the field of each running subscription id. */
  private readonly open = new WeakMap<object, Map<string, string>>();

  /** `fields`: the schema's subscription fields, each at zero from the start for dashboards. */
  constructor(
    private readonly gauge: Gauge<'field'>,
    fields: readonly string[],
  ) {
    for (const field of fields) gauge.set({ field }, 0);
  }

  started(socket: object, id: string, field: string): void {
    let running = this.open.get(socket);
    if (!running) {
      running = new Map();
      this.open.set(socket, running);
    }
    running.set(id, field);
    this.gauge.inc({ field });
  }

  ended(socket: object, id: string): void {
    const running = this.open.get(socket);
    const field = running?.get(id);
    if (running === undefined || field === undefined) return;
    running.delete(id);
    this.gauge.dec({ field });
  }

  socketClosed(socket: object): void {
    for (const id of [...(this.open.get(socket)?.keys() ?? [])]) this.ended(socket, id);
    this.open.delete(socket);
  }
}
