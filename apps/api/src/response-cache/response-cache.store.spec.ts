import { AppConfig, MetricsRegistry } from '@app/core';
import Redis from 'ioredis';
import { ResponseCacheMetrics } from './response-cache.metrics';
import { ResponseCacheStore } from './response-cache.store';

/** A Redis that refuses every pipeline while `down`, and records the keys it incremented. */
function flakyRedis() {
  const state = { down: true, incremented: [] as string[] };
  const redis = {
    defineCommand: () => undefined,
    pipeline: () => {
      const keys: string[] = [];
      const chain = {
        incr: (key: string) => (keys.push(key), chain),
        expire: () => chain,
        exec: async () => {
          if (state.down) throw new Error('Connection is closed.');
          state.incremented.push(...keys);
          return keys.map(() => [null, 1]);
        },
      };
      return chain;
    },
  };
  return { state, redis: redis as unknown as Redis };
}

describe('ResponseCacheStore.invalidate while Redis does not answer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const store = (redis: Redis) =>
    new ResponseCacheStore(
      redis,
      { redisPrefix: 'p', responseCacheTtlSeconds: 60 } as AppConfig,
      new ResponseCacheMetrics(new MetricsRegistry()),
    );

  it('owes the refused threads and bumps them all at once when Redis is back', async () => {
    const { state, redis } = flakyRedis();
    const cache = store(redis);
    await cache.invalidate(['t1']);
    await cache.invalidate(['t2', 't1']);
    await jest.advanceTimersByTimeAsync(3000);
    expect(state.incremented).toEqual([]);
    state.down = false;
    await jest.advanceTimersByTimeAsync(1000);
    expect(state.incremented.sort()).toEqual([
      'p:response-cache:thread:t1',
      'p:response-cache:thread:t2',
    ]);
    await jest.advanceTimersByTimeAsync(5000);
    expect(state.incremented).toHaveLength(2);
  });

  it('stops owing once every entry kept before the change has expired', async () => {
    const { state, redis } = flakyRedis();
    const cache = store(redis);
    await cache.invalidate(['t1']);
    await jest.advanceTimersByTimeAsync(61_000);
    state.down = false;
    await jest.advanceTimersByTimeAsync(5000);
    expect(state.incremented).toEqual([]);
  });
});
