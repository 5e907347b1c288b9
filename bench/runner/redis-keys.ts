import Redis from 'ioredis';

/**
 * Deletes the keys a previous run left under the bench's Redis prefix: its queues' finished
 * jobs (whose ids, from the outbox's ids, the new database repeats: BullMQ would take the new
 * events for done) and its cached responses (of threads that no longer exist).
 */
export async function forgetRedisKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let deleted = 0;
  try {
    for (const pattern of [`${prefix}:*`, `${prefix}-bull:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        if (keys.length) deleted += await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
    return deleted;
  } finally {
    redis.disconnect();
  }
}
