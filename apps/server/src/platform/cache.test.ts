import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createCache, MemoryStore, RedisStore, type CacheAnnouncements } from './cache';
import { redisScope } from './request-redis';

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

describe('the scope of a deployment in a shared Redis', () => {
  it('names the database, not the credentials used to reach it', () => {
    const scope = redisScope('postgres://app:secret@db.internal:5432/video_window');
    expect(redisScope('postgres://other:changed@db.internal:5432/video_window')).toBe(scope);
    expect(redisScope('postgres://app:secret@db.internal:5432/video_window_staging')).not.toBe(scope);
    expect(redisScope('postgres://app:secret@db2.internal:5432/video_window')).not.toBe(scope);
    expect(scope).toMatch(/^[0-9a-f]{16}$/);
  });
});

/**
 * An event bus between processes, in memory: drops announced by one reach every process that
 * listens, once delivered (`deliver`), and each process's subscription can be lost and made again.
 */
function announcementHub() {
  const listeners: ((namespace: string) => void)[] = [];
  const queued: string[] = [];
  const processes: { subscription: number | null }[] = [];
  return {
    join(): CacheAnnouncements & { subscription(): number | null; state: { subscription: number | null } } {
      const state = { subscription: 1 as number | null };
      processes.push(state);
      return {
        state,
        subscription: () => state.subscription,
        announce: async (namespace) => {
          queued.push(namespace);
        },
        onCleared: (listener) => {
          listeners.push(listener);
        },
      };
    },
    deliver() {
      for (const namespace of queued.splice(0)) for (const listener of listeners) listener(namespace);
    },
  };
}

describe('near copies of a shared cache', () => {
  const prefix = () => `vw-cache-near-${process.pid}-${Date.now()}-${Math.random()}:`;
  const connect = async () => {
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    opened.push(redis);
    return redis;
  };

  /** Two processes' caches over one Redis namespace, hearing each other's drops through `hub`. */
  const twoProcesses = async () => {
    const hub = announcementHub();
    const ns = prefix();
    const one = createCache(new RedisStore(await connect(), pino({ level: 'silent' }), ns), hub.join());
    const two = createCache(new RedisStore(await connect(), pino({ level: 'silent' }), ns), hub.join());
    return { hub, one, two };
  };

  it('answer a hit from memory, with no round trip to the store, until the stored value expires', async () => {
    const redis = await connect();
    const ns = prefix();
    const cache = createCache(new RedisStore(redis, pino({ level: 'silent' }), ns), announcementHub().join());
    expect(await cache.getOrLoad('feed', 'p1', 1_000, async () => 'page')).toBe('page');
    // Gone from Redis behind the cache's back: the near copy still answers…
    await redis.del(`${ns}feed`);
    expect(await cache.getOrLoad('feed', 'p1', 1_000, async () => 'reloaded')).toBe('page');
    // …but never past the stored value's own expiry.
    await sleep(1_100);
    expect(await cache.getOrLoad('feed', 'p1', 1_000, async () => 'reloaded')).toBe('reloaded');
  });

  it('are dropped in every process once a drop is announced, and not before it is delivered', async () => {
    const { hub, one, two } = await twoProcesses();
    await one.getOrLoad('feed', 'p1', 10_000, async () => 'old');
    expect(await two.getOrLoad('feed', 'p1', 10_000, async () => 'unused')).toBe('old');
    await one.clear('feed');
    // The process that dropped it reads afresh at once; the other, once it hears the drop.
    expect(await one.getOrLoad('feed', 'p1', 10_000, async () => 'new')).toBe('new');
    expect(await two.getOrLoad('feed', 'p1', 10_000, async () => 'unused')).toBe('old');
    hub.deliver();
    expect(await two.getOrLoad('feed', 'p1', 10_000, async () => 'unused')).toBe('new');
  });

  it('are not kept without a subscription, and all go when it is made again', async () => {
    const redis = await connect();
    const ns = prefix();
    const bus = announcementHub().join();
    const cache = createCache(new RedisStore(redis, pino({ level: 'silent' }), ns), bus);
    bus.state.subscription = null;
    await cache.getOrLoad('feed', 'p1', 10_000, async () => 'page');
    await redis.del(`${ns}feed`);
    expect(await cache.getOrLoad('feed', 'p1', 10_000, async () => 'from the store')).toBe('from the store');
    bus.state.subscription = 1;
    await cache.getOrLoad('feed', 'p2', 10_000, async () => 'kept');
    await redis.del(`${ns}feed`);
    // Lost and made again: drops announced in between are gone, so nothing kept before is trusted.
    bus.state.subscription = 2;
    expect(await cache.getOrLoad('feed', 'p2', 10_000, async () => 'read again')).toBe('read again');
  });

  it('do not keep what was read before a drop heard meanwhile', async () => {
    const { hub, one, two } = await twoProcesses();
    let release!: () => void;
    const slow = two.getOrLoad('feed', 'p1', 10_000, async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return 'read before the drop';
    });
    await sleep(10);
    await one.clear('feed');
    hub.deliver();
    release();
    expect(await slow).toBe('read before the drop');
    expect(await two.getOrLoad('feed', 'p1', 10_000, async () => 'after the drop')).toBe('after the drop');
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
