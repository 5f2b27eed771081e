import type pg from 'pg';
import { isDatabaseUnavailable } from './unavailable';

/**
 * The pool, with every client it lends discarded on release once one of its queries failed
 * because the connection did. Code that borrows a client and releases it without an error (the
 * job queue's workers do) would otherwise hand a dead connection back to the pool: node-postgres
 * does not always mark a client whose socket broke mid-write as unusable, and the pool lends it
 * again and again, so every poll fails the same way long after the database is back.
 */
export function discardingBrokenClients(pool: pg.Pool): pg.Pool {
  type Callback = (
    err: Error | undefined,
    client: pg.PoolClient | undefined,
    done: (release?: unknown) => void,
  ) => void;
  // Both forms of `connect`: the promise, and the callback the job queue's change listener uses.
  const connect = (callback?: Callback): Promise<pg.PoolClient> | undefined => {
    if (!callback) return pool.connect().then(lend);
    pool.connect((err, client, done) => {
      if (err || !client) return callback(err, client, done);
      const lent = lend(client);
      callback(undefined, lent, (release) => lent.release(release as Error | boolean | undefined));
    });
    return undefined;
  };
  return new Proxy(pool, {
    get(target, prop) {
      if (prop === 'connect') return connect;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** One loan of a client: its queries are watched, and its release passes on what they saw. */
function lend(client: pg.PoolClient): pg.PoolClient {
  let broken: Error | undefined;
  const watch = (err: unknown) => {
    if (isDatabaseUnavailable(err)) broken ??= err instanceof Error ? err : new Error('connection lost');
  };
  const query = (...args: unknown[]): unknown => {
    const last = args.at(-1);
    if (typeof last === 'function') {
      const callback = last as (err: unknown, result: unknown) => void;
      args[args.length - 1] = (err: unknown, result: unknown) => {
        if (err) watch(err);
        callback(err, result);
      };
      return (client.query as (...a: unknown[]) => unknown)(...args);
    }
    const pending = (client.query as (...a: unknown[]) => unknown)(...args);
    if (pending instanceof Promise) pending.catch(watch);
    return pending;
  };
  const release = (err?: Error | boolean) => client.release(err ?? broken);
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'query') return query;
      if (prop === 'release') return release;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
