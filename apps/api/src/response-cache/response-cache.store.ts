import { APP_CONFIG, AppConfig, REDIS } from '@app/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { GraphQLSchema, printSchema } from 'graphql';
import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import { OperationRequest, responseCacheKey } from './operation-request';
import { ResponseCacheMetrics } from './response-cache.metrics';

/**
 * One round trip per lookup. An entry is a JSON header, a newline, then the answer; the header
 * is the answer's root field count, then each generation key with the generation it had when
 * the answer was computed. The count and the answer come back only while every generation is
 * still the one recorded; 0 means no entry, 1 stale.
 */
const LOOKUP = `
local entry = redis.call('GET', KEYS[1])
if not entry then return 0 end
local cut = string.find(entry, '\\n', 1, true)
local header = cjson.decode(string.sub(entry, 1, cut - 1))
for i = 2, #header, 2 do
  if (redis.call('GET', header[i]) or '0') ~= header[i + 1] then return 1 end
end
return { header[1], string.sub(entry, cut + 1) }
`;

/** The generation keys of an answer's threads with their values before it was computed. */
export type Generations = string[];

/** An answer as kept: its body as Apollo writes it, and how many root fields it answers. */
export interface KeptAnswer {
  body: string;
  rootFields: number;
}

interface WithLookup {
  responseCacheLookup(entryKey: string): Promise<[number, string] | number>;
}

/** What `prepare` found: the generations to keep an answer under, and whether to keep it. */
export interface Preparation {
  generations: Generations;
  worthKeeping: boolean;
}

const RETRY_MS = 1000;
/** How many times an answer is computed within the entries' lifetime before it is kept. */
const ASKED_BEFORE_KEPT = 2;

/**
 * Shared copies of anonymous answers in Redis. Each thread has a generation counter that every
 * change to its page increments; an entry remembers the generations it was computed under and
 * is served only while they are unchanged, so no entry needs to be found to be dropped. Entries
 * expire after RESPONSE_CACHE_TTL_SECONDS, which heals what no generation covers (a member's
 * new rank or name on a page that did not change). While Redis does not answer, every request
 * runs as if nothing were kept.
 */
@Injectable()
export class ResponseCacheStore {
  private readonly logger = new Logger(ResponseCacheStore.name);
  private readonly prefix: string;
  private readonly ttlSeconds: number;
  /** Generations outlive every entry computed under them (else a vanished one would read 0). */
  private readonly generationTtlSeconds: number;
  private schemaVersion: string | null = null;
  /** Threads whose new generation Redis refused, with when their last entry expires. */
  private readonly owed = new Map<string, number>();
  private retrying = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly metrics: ResponseCacheMetrics,
  ) {
    this.prefix = `${config.redisPrefix}:response-cache`;
    this.ttlSeconds = config.responseCacheTtlSeconds;
    this.generationTtlSeconds = Math.max(2 * this.ttlSeconds, 86400);
    redis.defineCommand('responseCacheLookup', { numberOfKeys: 1, lua: LOOKUP });
  }

  /** Keys answers by this schema, so that a deploy that changes it never serves older shapes. */
  useSchema(schema: GraphQLSchema): void {
    this.schemaVersion = createHash('sha256').update(printSchema(schema)).digest('hex');
  }

  /** The entry's key for `request`; null before the schema is known or for a bad document id. */
  keyOf(request: OperationRequest): string | null {
    if (this.schemaVersion === null) return null;
    const key = responseCacheKey(this.schemaVersion, request);
    return key === null ? null : `${this.prefix}:entry:${key}`;
  }

  /** The kept answer, if it is still current. */
  async lookup(entryKey: string): Promise<KeptAnswer | null> {
    let found: [number, string] | number;
    try {
      found = await (this.redis as unknown as WithLookup).responseCacheLookup(entryKey);
    } catch {
      this.metrics.lookups.inc({ result: 'error' });
      return null;
    }
    if (Array.isArray(found)) {
      this.metrics.lookups.inc({ result: 'hit' });
      return { rootFields: found[0], body: found[1] };
    }
    this.metrics.lookups.inc({ result: found === 1 ? 'stale' : 'miss' });
    return null;
  }

  /**
   * What keeping the answer of `entryKey` needs, read before it is computed: the generations of
   * `threadIds` now, and whether it is worth keeping. Only an answer asked for a second time
   * within the entries' lifetime is kept, so a crawler walking every thread once costs Redis a
   * counter per page rather than a copy. Null without Redis.
   */
  async prepare(entryKey: string, threadIds: readonly string[]): Promise<Preparation | null> {
    const keys = threadIds.map((id) => this.generationKey(id));
    const asked = `${entryKey}:asked`;
    try {
      const [[, values], [, count]] = (await this.redis
        .pipeline()
        .mget(keys)
        .incr(asked)
        .expire(asked, this.ttlSeconds)
        .exec()) as [[null, (string | null)[]], [null, number]];
      return {
        generations: keys.flatMap((key, i) => [key, values[i] ?? '0']),
        worthKeeping: count >= ASKED_BEFORE_KEPT,
      };
    } catch {
      return null;
    }
  }

  /** Keeps `answer` for `entryKey`, valid while `generations` hold. */
  async save(entryKey: string, answer: KeptAnswer, generations: Generations): Promise<void> {
    try {
      await this.redis.set(
        entryKey,
        `${JSON.stringify([answer.rootFields, ...generations])}\n${answer.body}`,
        'EX',
        this.ttlSeconds,
      );
      this.metrics.stores.inc();
    } catch {
      // Not kept: the next reader computes it again.
    }
  }

  /**
   * Makes every kept answer showing these threads stale. What Redis refuses is owed and tried
   * again every second, all owed threads at once, for as long as entries live, so that none
   * computed before a change outlives an outage.
   */
  async invalidate(threadIds: readonly string[]): Promise<void> {
    if (threadIds.length === 0 || (await this.bump(threadIds))) return;
    if (this.owed.size === 0) {
      this.logger.warn('Redis did not answer: the response cache is invalidated once it does');
    }
    const until = Date.now() + this.ttlSeconds * 1000;
    for (const id of threadIds) this.owed.set(id, until);
    this.retryLater();
  }

  private retryLater(): void {
    if (this.retrying) return;
    this.retrying = true;
    setTimeout(() => void this.payOwed(), RETRY_MS).unref();
  }

  private async payOwed(): Promise<void> {
    const now = Date.now();
    for (const [id, until] of this.owed) {
      if (until <= now) this.owed.delete(id);
    }
    const owing = [...this.owed];
    const paid = owing.length === 0 || (await this.bump(owing.map(([id]) => id)));
    // A thread owed again meanwhile stays owed: its change may have committed after this bump.
    if (paid) {
      for (const [id, until] of owing) {
        if (this.owed.get(id) === until) this.owed.delete(id);
      }
    }
    this.retrying = false;
    if (this.owed.size > 0) this.retryLater();
  }

  /** Whether Redis took the new generations. */
  private async bump(threadIds: readonly string[]): Promise<boolean> {
    const pipeline = this.redis.pipeline();
    for (const id of threadIds) {
      const key = this.generationKey(id);
      pipeline.incr(key).expire(key, this.generationTtlSeconds);
    }
    try {
      return ((await pipeline.exec()) ?? []).every(([error]) => !error);
    } catch {
      return false;
    }
  }

  private generationKey(threadId: string): string {
    return `${this.prefix}:thread:${threadId}`;
  }
}
