import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createCache, MemoryStore, RedisStore } from './cache';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function counter() {
  let loads = 0;
  return {
    load: async () => {
      loads += 1;
      await sleep(20);
      return `v${loads}`;
    },
    loads: () => loads,
  };
}

const stores = {
  memory: async () => new MemoryStore(),
  redis: async () => {
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    opened.push(redis);
    return new RedisStore(redis, pino({ level: 'silent' }), `vw-cache-test-${process.pid}-${Date.now()}:`);
  },
};
const opened: Redis[] = [];
afterAll(() => {
  for (const r of opened) r.disconnect();
});

describe.each(Object.keys(stores) as (keyof typeof stores)[])('cache on %s', (kind) => {
  it('loads once for concurrent misses, serves the value until it expires, then loads again', async () => {
    const cache = createCache(await stores[kind]());
    const c = counter();
    const first = await Promise.all(Array.from({ length: 10 }, () => cache.getOrLoad('ns', 'k', 300, c.load)));
    expect(new Set(first)).toEqual(new Set(['v1']));
    expect(c.loads()).toBe(1);
    expect(await cache.getOrLoad('ns', 'k', 300, c.load)).toBe('v1');
    await sleep(350);
    expect(await cache.getOrLoad('ns', 'k', 300, c.load)).toBe('v2');
    expect(c.loads()).toBe(2);
  });

  it('keeps keys and namespaces apart; clear drops one namespace only', async () => {
    const cache = createCache(await stores[kind]());
    await cache.getOrLoad('a', 'k', 10_000, async () => 'a-k');
    await cache.getOrLoad('a', 'j', 10_000, async () => 'a-j');
    await cache.getOrLoad('b', 'k', 10_000, async () => 'b-k');
    expect(await cache.getOrLoad('a', 'k', 10_000, async () => 'new')).toBe('a-k');
    await cache.clear('a');
    expect(await cache.getOrLoad('a', 'k', 10_000, async () => 'a-k2')).toBe('a-k2');
    expect(await cache.getOrLoad('a', 'j', 10_000, async () => 'a-j2')).toBe('a-j2');
    expect(await cache.getOrLoad('b', 'k', 10_000, async () => 'new')).toBe('b-k');
  });

  it('does not store what a load read before a clear', async () => {
    const cache = createCache(await stores[kind]());
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const stale = cache.getOrLoad('ns', 'k', 10_000, async () => {
      await gate;
      return 'before';
    });
    await cache.clear('ns');
    release();
    expect(await stale).toBe('before');
    expect(await cache.getOrLoad('ns', 'k', 10_000, async () => 'after')).toBe('after');
  });

  it('a ttl of 0 never caches', async () => {
    const cache = createCache(await stores[kind]());
    const c = counter();
    await cache.getOrLoad('ns', 'k', 0, c.load);
    await cache.getOrLoad('ns', 'k', 0, c.load);
    expect(c.loads()).toBe(2);
  });
});

describe('shared through Redis', () => {
  it('one process sees what another stored, and a clear reaches both', async () => {
    const prefix = `vw-cache-shared-${process.pid}-${Date.now()}:`;
    const connect = async () => {
      const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await redis.connect();
      opened.push(redis);
      return createCache(new RedisStore(redis, pino({ level: 'silent' }), prefix));
    };
    const [one, two] = [await connect(), await connect()];
    await one.getOrLoad('feed', 'p1', 10_000, async () => 'from-one');
    expect(await two.getOrLoad('feed', 'p1', 10_000, async () => 'from-two')).toBe('from-one');
    await two.clear('feed');
    expect(await one.getOrLoad('feed', 'p1', 10_000, async () => 'fresh')).toBe('fresh');
  });

  it('a Redis that cannot be reached is a miss, not an error', async () => {
    const redis = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    redis.on('error', () => {});
    const cache = createCache(new RedisStore(redis, pino({ level: 'silent' })));
    expect(await cache.getOrLoad('ns', 'k', 10_000, async () => 'loaded')).toBe('loaded');
    await expect(cache.clear('ns')).resolves.toBeUndefined();
    redis.disconnect();
  });
});

describe('security review: the Redis feed cache has no bound — entries, sizes and keys are capped in memory and in Redis', () => {
  const limits = { maxEntries: 20, maxValueBytes: 1024 };

  it('keeps at most maxEntries keys of a namespace in Redis, with a TTL on the hash', async () => {
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    opened.push(redis);
    const prefix = `vw-cache-bound-${process.pid}-${Date.now()}:`;
    const cache = createCache(new RedisStore(redis, pino({ level: 'silent' }), prefix, limits));
    for (let i = 0; i < 200; i++) await cache.getOrLoad('feed', `cursor-${i}`, 10_000, async () => `page ${i}`);
    expect(await redis.hlen(`${prefix}feed`)).toBeLessThanOrEqual(limits.maxEntries);
    expect(await redis.pttl(`${prefix}feed`)).toBeGreaterThan(0);
    // A value over the size cap is served but never stored.
    const big = 'x'.repeat(limits.maxValueBytes + 1);
    expect(await cache.getOrLoad('big', 'k', 10_000, async () => big)).toBe(big);
    expect(await redis.exists(`${prefix}big`)).toBe(0);
  });

  it('keeps at most maxEntries entries in memory and stores no value over the size cap', async () => {
    const store = new MemoryStore(limits);
    const cache = createCache(store);
    for (let i = 0; i < 200; i++) await cache.getOrLoad('feed', `cursor-${i}`, 10_000, async () => `page ${i}`);
    expect(store.size()).toBeLessThanOrEqual(limits.maxEntries);
    let loads = 0;
    const big = async () => {
      loads += 1;
      return 'x'.repeat(limits.maxValueBytes + 1);
    };
    await cache.getOrLoad('big', 'k', 10_000, big);
    await cache.getOrLoad('big', 'k', 10_000, big);
    expect(loads).toBe(2);
  });
});
