/**
 * Short-lived answers shared by every request of a process, or of all processes through Redis when
 * `REDIS_URL` is set. Entries are grouped in namespaces that can be dropped at once when what they
 * were built from changes. Concurrent misses of one key in a process share one load.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface Cache {
  /** The cached value of `key`, or the result of `load` (stored for `ttlMs`). A ttl of 0 bypasses the cache. */
  getOrLoad(namespace: string, key: string, ttlMs: number, load: () => Promise<string>): Promise<string>;
  /** Drops every entry of the namespace (in every process when shared). */
  clear(namespace: string): Promise<void>;
}

/** Bounds of a store: keys per namespace (Redis) or in all (memory), and the size of one value. */
export interface CacheLimits {
  maxEntries: number;
  maxValueBytes: number;
}

export const DEFAULT_CACHE_LIMITS: CacheLimits = { maxEntries: 2000, maxValueBytes: 256 * 1024 };

interface Store {
  get(namespace: string, key: string): Promise<string | null>;
  set(namespace: string, key: string, value: string, ttlMs: number): Promise<void>;
  clear(namespace: string): Promise<void>;
}

/**
 * Entries in this process's memory, at most `maxEntries` (the oldest go first); a value over
 * `maxValueBytes` is not kept, so a flood of distinct keys or huge answers cannot grow memory.
 */
export class MemoryStore implements Store {
  private readonly entries = new Map<string, { value: string; expires: number }>();

  constructor(private readonly limits: CacheLimits = DEFAULT_CACHE_LIMITS) {}

  /** Entries held now (expired ones included until they are read or pushed out). */
  size(): number {
    return this.entries.size;
  }

  get(namespace: string, key: string): Promise<string | null> {
    const id = `${namespace}\u0000${key}`;
    const entry = this.entries.get(id);
    if (entry === undefined) return Promise.resolve(null);
    if (entry.expires <= Date.now()) {
      this.entries.delete(id);
      return Promise.resolve(null);
    }
    return Promise.resolve(entry.value);
  }

  set(namespace: string, key: string, value: string, ttlMs: number): Promise<void> {
    const id = `${namespace}\u0000${key}`;
    this.entries.delete(id);
    if (Buffer.byteLength(value) > this.limits.maxValueBytes) return Promise.resolve();
    this.entries.set(id, { value, expires: Date.now() + ttlMs });
    while (this.entries.size > this.limits.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return Promise.resolve();
  }

  clear(namespace: string): Promise<void> {
    const prefix = `${namespace}\u0000`;
    for (const id of this.entries.keys()) if (id.startsWith(prefix)) this.entries.delete(id);
    return Promise.resolve();
  }
}

/**
 * Stores a field unless the hash is full: when it holds `max` fields and this one is new, expired
 * fields are swept first, and if it is still full nothing is stored. Then the hash's TTL is set.
 * KEYS[1] hash; ARGV: field, value (`<expiresAtMs>|<value>`), max, now (ms), hash TTL (ms).
 */
const BOUNDED_HSET = `
local max = tonumber(ARGV[3])
if redis.call('HLEN', KEYS[1]) >= max and redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
  local now = tonumber(ARGV[4])
  local all = redis.call('HGETALL', KEYS[1])
  for i = 1, #all, 2 do
    local expires = tonumber(string.match(all[i + 1], '^(%d+)|'))
    if expires == nil or expires <= now then redis.call('HDEL', KEYS[1], all[i]) end
  end
  if redis.call('HLEN', KEYS[1]) >= max then return 0 end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[5]))
return 1
`;

/**
 * One Redis hash per namespace, so a namespace is dropped with one DEL. Each value carries its own
 * expiry (hash fields have none in Redis 7.0); the hash itself expires a minute after its last write.
 * A namespace holds at most `maxEntries` fields (expired ones are swept when it is full; if it is
 * still full, a new key is not cached) and no value over `maxValueBytes`, so distinct keys (say,
 * every category and cursor a client can invent) cannot grow Redis without bound.
 * A Redis failure is a miss, never an error: the answer is then built from the database.
 */
export class RedisStore implements Store {
  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly prefix = 'vw-cache:',
    private readonly limits: CacheLimits = DEFAULT_CACHE_LIMITS,
  ) {}

  async get(namespace: string, key: string): Promise<string | null> {
    try {
      const raw = await this.redis.hget(this.prefix + namespace, key);
      if (raw === null) return null;
      const split = raw.indexOf('|');
      return Number(raw.slice(0, split)) > Date.now() ? raw.slice(split + 1) : null;
    } catch (err) {
      this.logger.warn({ err }, 'cache read failed');
      return null;
    }
  }

  async set(namespace: string, key: string, value: string, ttlMs: number): Promise<void> {
    if (Buffer.byteLength(value) > this.limits.maxValueBytes) return;
    try {
      const now = Date.now();
      await this.redis.eval(
        BOUNDED_HSET,
        1,
        this.prefix + namespace,
        key,
        `${now + ttlMs}|${value}`,
        String(this.limits.maxEntries),
        String(now),
        String(Math.max(ttlMs, 60_000)),
      );
    } catch (err) {
      this.logger.warn({ err }, 'cache write failed');
    }
  }

  async clear(namespace: string): Promise<void> {
    try {
      await this.redis.del(this.prefix + namespace);
    } catch (err) {
      this.logger.warn({ err }, 'cache clear failed');
    }
  }
}

export function createCache(store: Store): Cache {
  const loading = new Map<string, Promise<string>>();
  // Bumped by clear(): a load that started before the clear must not store what it read.
  const generations = new Map<string, number>();
  return {
    async getOrLoad(namespace, key, ttlMs, load) {
      if (ttlMs <= 0) return load();
      const generation = generations.get(namespace) ?? 0;
      const hit = await store.get(namespace, key);
      if (hit !== null) return hit;
      const id = `${namespace}\u0000${key}`;
      const pending = loading.get(id);
      if (pending !== undefined) return pending;
      const promise = (async () => {
        try {
          const value = await load();
          if ((generations.get(namespace) ?? 0) === generation) await store.set(namespace, key, value, ttlMs);
          return value;
        } finally {
          loading.delete(id);
        }
      })();
      loading.set(id, promise);
      return promise;
    },
    async clear(namespace) {
      generations.set(namespace, (generations.get(namespace) ?? 0) + 1);
      for (const id of loading.keys()) if (id.startsWith(`${namespace}\u0000`)) loading.delete(id);
      await store.clear(namespace);
    },
  };
}
