import { param, sql, type Column, type SQL } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { isDatabaseUnavailable } from './unavailable';
import { runUnitOfWork, type AfterCommitLogger } from './unit-of-work';

// Money and counts travel as JS numbers; int8 values stay within the safe-integer range.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Database = NodePgDatabase<Record<string, never>>;
/** A transaction handle or the database itself: repositories accept either. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  pool: pg.Pool;
  db: Database;
  close(): Promise<void>;
}

export interface PoolTimeouts {
  /** Giving up on opening a connection, or on waiting for a free one. */
  connectMs: number;
  /**
   * Giving up on a query's answer. A database that went silent (a network partition leaves the
   * socket open) would otherwise hold the request, and its pooled connection, indefinitely.
   */
  queryMs: number;
}

const DEFAULT_TIMEOUTS: PoolTimeouts = { connectMs: 5_000, queryMs: 15_000 };

const consoleLogger: AfterCommitLogger = { error: (details, message) => console.error(message, details) };

/**
 * Opens the connection pool used by every module. Each `db.transaction` is a unit of work
 * (see unit-of-work.ts): effects registered with `afterCommit` run once it has committed.
 */
export function openDatabase(
  url: string,
  poolSize: number,
  timeouts: PoolTimeouts = DEFAULT_TIMEOUTS,
  logger: AfterCommitLogger = consoleLogger,
): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: timeouts.connectMs,
    query_timeout: timeouts.queryMs,
    idleTimeoutMillis: 30_000,
    application_name: 'video-window',
  });
  // An idle client losing its connection must not crash the process; queries will report it.
  pool.on('error', () => {});
  pool.on('connect', dropConnectionOnQueryTimeout);
  const db = drizzle(pool) as Database;
  Object.assign(db, { transaction: transactionsReleasingTheirClient(pool, logger) });
  return { pool, db, close: () => pool.end() };
}

/**
 * `db.transaction` with a client that always goes back to the pool. drizzle sends BEGIN before its
 * own try/finally, so a BEGIN that fails (the connection died a moment before) would keep its
 * client checked out for good: every database outage would shrink the pool, until no request
 * could get a connection even with the database back. A broken client is discarded on release.
 */
function transactionsReleasingTheirClient(pool: pg.Pool, logger: AfterCommitLogger): Database['transaction'] {
  return (run, config) =>
    runUnitOfWork(
      async (tracked: typeof run) => {
        const client = await pool.connect();
        let broken: Error | undefined;
        try {
          const connection = connectionDatabase(client);
          return await connection.transaction((tx) => {
            transactionConnections.set(tx, connection);
            return tracked(tx);
          }, config);
        } catch (err) {
          if (isDatabaseUnavailable(err)) broken = err instanceof Error ? err : new Error('database unavailable');
          throw err;
        } finally {
          client.release(broken);
        }
      },
      run,
      logger,
    );
}

/** The query builder of each pooled connection, made once: every transaction on it uses it. */
const connectionDatabases = new WeakMap<pg.PoolClient, Database>();
/** The connection's query builder of each open transaction (see `preparedStatement`). */
const transactionConnections = new WeakMap<object, Database>();
const statements = new WeakMap<Database, Map<string, unknown>>();

function connectionDatabase(client: pg.PoolClient): Database {
  let db = connectionDatabases.get(client);
  if (db === undefined) {
    db = drizzle(client);
    connectionDatabases.set(client, db);
  }
  return db;
}

/**
 * A statement built once, by `prepare` (which names it with `.prepare(name)`), for the pool or for
 * the connection a transaction runs on, and then only executed: neither built again by the query
 * builder nor parsed and planned again by PostgreSQL. Run on a transaction, it runs inside it (on
 * the same connection). For statements on a hot path whose shape never changes.
 */
export function preparedStatement<T>(executor: Executor, name: string, prepare: (db: Database) => T): T {
  const owner = transactionConnections.get(executor) ?? executor;
  let prepared = statements.get(owner);
  if (prepared === undefined) {
    prepared = new Map();
    statements.set(owner, prepared);
  }
  let statement = prepared.get(name) as T | undefined;
  if (statement === undefined) {
    statement = prepare(owner);
    prepared.set(name, statement);
  }
  return statement;
}

/**
 * A value of `column` filled in when a prepared statement runs, encoded as the column encodes it
 * (a date, a JSON document); null stays null, which the column's own encoder would not accept.
 */
export function columnPlaceholder(column: Column, name: string): SQL {
  return sql`${param(sql.placeholder(name), {
    mapToDriverValue: (value: unknown) => (value === null ? null : column.mapToDriverValue(value)),
  })}`;
}

const QUERY_TIMEOUT = 'Query read timeout';

/**
 * node-postgres answers a query that timed out with an error but keeps the connection, with the
 * query still in flight on it: everything sent next on that client (a transaction's ROLLBACK, the
 * next request's queries once it is back in the pool) waits behind it and times out in turn. The
 * connection is closed instead, so the client fails fast and the pool replaces it.
 */
function dropConnectionOnQueryTimeout(client: pg.PoolClient): void {
  const drop = () =>
    (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  const timedOut = (err: unknown) => err instanceof Error && err.message === QUERY_TIMEOUT;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const watched = (...args: unknown[]): unknown => {
    const last = args.at(-1);
    if (typeof last === 'function') {
      const callback = last as (err: unknown, result: unknown) => void;
      args[args.length - 1] = (err: unknown, result: unknown) => {
        if (timedOut(err)) drop();
        callback(err, result);
      };
      return query(...args);
    }
    const pending = query(...args);
    if (pending instanceof Promise) {
      pending.catch((err: unknown) => {
        if (timedOut(err)) drop();
      });
    }
    return pending;
  };
  (client as unknown as { query: typeof watched }).query = watched;
}
