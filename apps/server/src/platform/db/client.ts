import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

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

/** Opens the connection pool used by every module. */
export function openDatabase(url: string, poolSize: number): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'video-window',
  });
  // An idle client losing its connection must not crash the process; queries will report it.
  pool.on('error', () => {});
  const db = drizzle(pool) as Database;
  return { pool, db, close: () => pool.end() };
}
