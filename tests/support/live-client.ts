import { Client, createClient } from 'graphql-ws';
import Redis from 'ioredis';
import WebSocket from 'ws';
import { GraphQLErrorShape } from './graphql-client';

interface LiveResult<T> {
  data?: T | null;
  errors?: readonly GraphQLErrorShape[];
}

/**
 * One graphql-ws subscription, as an app would open it: the results it received in order, and
 * a way to wait for the next one.
 */
export class LiveSubscription<T> {
  readonly results: LiveResult<T>[] = [];
  private waiters: Array<() => void> = [];
  private readonly stop: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown>) {
    const wake = (): void => {
      this.waiters.forEach((resolve) => resolve());
      this.waiters = [];
    };
    this.stop = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          this.results.push(result as LiveResult<T>);
          wake();
        },
        error: (error) => {
          const errors = Array.isArray(error) ? error : [{ message: String(error) }];
          this.results.push({ errors: errors as GraphQLErrorShape[] });
          wake();
        },
        complete: wake,
      },
    );
  }

  /** Waits until `count` results have arrived and returns them. */
  async received(count: number, timeoutMs = 10000): Promise<LiveResult<T>[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.results.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`expected ${count} results, got ${JSON.stringify(this.results)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.results.slice(0, count);
  }

  close(): void {
    this.stop();
  }
}

/** A graphql-ws client of the API at `httpUrl`, signed in with `token` if given. */
export function liveClient(httpUrl: string, token?: string): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
}

/** Waits until some API instance listens on the Redis channel (its subscription is live). */
export async function channelHasListener(channel: string, timeoutMs = 10000): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
      if (Number(count) > 0) return;
      if (Date.now() > deadline) throw new Error(`nobody listens on ${channel}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    redis.disconnect();
  }
}
