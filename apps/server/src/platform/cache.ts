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

interface Store {
  get(namespace: string, key: string): Promise<string | null>;
  set(namespace: string, key: string, value: string, ttlMs: number): Promise<void>;
  clear(namespace: string): Promise<void>;
}

/** Entries in this process's memory, at most `maxEntries` (the oldest go first). */
export class MemoryStore implements Store {
  private readonly entries = new Map<string, { value: string; expires: number }>();

  constructor(private readonly maxEntries = 2000) {}

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
    this.entries.set(id, { value, expires: Date.now() + ttlMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return Promise.resolve();
  }

  clear(namespace: string): Promise<void> {
    const prefix = `${namespace}\u0000`;
    for (const id of this.entries.keys()) if (id.startsWith(prefix)) this.entries.delete(id);
    return Promise.resolve();
  }
}

/**
 * One Redis hash per namespace, so a namespace is dropped with one DEL. Each value carries its own
 * expiry (hash fields have none in Redis 7.0); the hash itself expires a minute after its last write.
 * A Redis failure is a miss, never an error: the answer is then built from the database.
 */
export class RedisStore implements Store {
  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly prefix = 'vw-cache:',
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
    try {
      await this.redis
        .multi()
        .hset(this.prefix + namespace, key, `${Date.now() + ttlMs}|${value}`)
        .pexpire(this.prefix + namespace, Math.max(ttlMs, 60_000))
        .exec();
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
