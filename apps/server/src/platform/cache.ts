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

/** A stored value and the moment (ms since the epoch) it stops answering. */
export interface Stored {
  value: string;
  expiresAt: number;
}

interface Store {
  get(namespace: string, key: string): Promise<Stored | null>;
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

  get(namespace: string, key: string): Promise<Stored | null> {
    const id = `${namespace}\u0000${key}`;
    const entry = this.entries.get(id);
    if (entry === undefined) return Promise.resolve(null);
    if (entry.expires <= Date.now()) {
      this.entries.delete(id);
      return Promise.resolve(null);
    }
    return Promise.resolve({ value: entry.value, expiresAt: entry.expires });
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

  async get(namespace: string, key: string): Promise<Stored | null> {
    try {
      const raw = await this.redis.hget(this.prefix + namespace, key);
      if (raw === null) return null;
      const split = raw.indexOf('|');
      const expiresAt = Number(raw.slice(0, split));
      return expiresAt > Date.now() ? { value: raw.slice(split + 1), expiresAt } : null;
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

/**
 * How processes sharing a store tell each other that a namespace was dropped (the event bus). A
 * process keeps near copies of what it read from the store only while it hears these.
 */
export interface CacheAnnouncements {
  /**
   * The subscription through which this process hears drops: a number that changes when it is
   * made again, null while there is none (then nothing is kept near).
   */
  subscription(): number | null;
  /** Tells every process, this one included, that `namespace` was dropped. */
  announce(namespace: string): Promise<void>;
  /** Calls `listener` with every namespace any process drops. */
  onCleared(listener: (namespace: string) => void): void;
}

/**
 * Copies in this process's memory of values read from a shared store, each until the moment the
 * stored value itself expires (so nothing is served staler than the store would serve it), at most
 * `maxEntries` in all (the oldest go first). They are trusted only under the subscription they
 * were kept under: without one, or once it changed (drops announced in between are lost), none is.
 */
class NearCopies {
  private readonly entries = new Map<string, Stored>();
  private heard: number | null = null;

  constructor(
    private readonly announcements: CacheAnnouncements,
    private readonly maxEntries: number,
  ) {}

  /** The subscription now, dropping every copy when it changed. */
  subscription(): number | null {
    const heard = this.announcements.subscription();
    if (heard !== this.heard) {
      this.entries.clear();
      this.heard = heard;
    }
    return heard;
  }

  get(id: string): string | undefined {
    if (this.subscription() === null) return undefined;
    const entry = this.entries.get(id);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > Date.now()) return entry.value;
    this.entries.delete(id);
    return undefined;
  }

  /** Keeps a copy read under `heard`, unless the subscription changed since. */
  keep(id: string, stored: Stored, heard: number | null): void {
    if (heard === null || this.subscription() !== heard) return;
    this.entries.delete(id);
    this.entries.set(id, stored);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  drop(namespace: string): void {
    const prefix = `${namespace}\u0000`;
    for (const id of this.entries.keys()) if (id.startsWith(prefix)) this.entries.delete(id);
  }
}

/**
 * The cache over `store`. With `announcements` (a store shared by several processes), each process
 * also keeps near copies of what it read, so a hit costs no round trip to the store; a drop reaches
 * the other processes' copies within the bus's delivery time.
 */
export function createCache(
  store: Store,
  announcements?: CacheAnnouncements,
  limits: CacheLimits = DEFAULT_CACHE_LIMITS,
): Cache {
  const loading = new Map<string, Promise<string>>();
  // Bumped by every drop: a load or read that started before it must not keep what it read.
  const generations = new Map<string, number>();
  const near = announcements ? new NearCopies(announcements, limits.maxEntries) : null;
  const dropped = (namespace: string) => {
    generations.set(namespace, (generations.get(namespace) ?? 0) + 1);
    near?.drop(namespace);
    for (const id of loading.keys()) if (id.startsWith(`${namespace}\u0000`)) loading.delete(id);
  };
  announcements?.onCleared(dropped);
  return {
    async getOrLoad(namespace, key, ttlMs, load) {
      if (ttlMs <= 0) return load();
      const id = `${namespace}\u0000${key}`;
      const kept = near?.get(id);
      if (kept !== undefined) return kept;
      const generation = generations.get(namespace) ?? 0;
      const heard = near?.subscription() ?? null;
      const current = () => (generations.get(namespace) ?? 0) === generation;
      const hit = await store.get(namespace, key);
      if (hit !== null) {
        if (current()) near?.keep(id, hit, heard);
        return hit.value;
      }
      const pending = loading.get(id);
      if (pending !== undefined) return pending;
      const promise = (async () => {
        try {
          const value = await load();
          if (current()) {
            await store.set(namespace, key, value, ttlMs);
            if (current() && Buffer.byteLength(value) <= limits.maxValueBytes) {
              near?.keep(id, { value, expiresAt: Date.now() + ttlMs }, heard);
            }
          }
          return value;
        } finally {
          loading.delete(id);
        }
      })();
      loading.set(id, promise);
      return promise;
    },
    async clear(namespace) {
      dropped(namespace);
      await store.clear(namespace);
      await announcements?.announce(namespace);
    },
  };
}
