import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { runMigrations as runJobQueueMigrations } from 'graphile-worker';
import pg from 'pg';

export interface MigrationSet {
  /** The module that owns the tables (also its PostgreSQL schema). */
  name: string;
  folder: string;
}

// Any constant works; it only has to be the same in every process of the deployment.
const MIGRATION_LOCK = 727_001;

/**
 * Applies every module's committed migrations and the job queue's, once, even when several
 * processes start together (they queue on an advisory lock).
 */
export async function migrateDatabase(url: string, sets: MigrationSet[]): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'video-window-migrate' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('create extension if not exists pgcrypto');
    const db = drizzle(client);
    for (const set of sets) {
      await migrate(db, {
        migrationsFolder: set.folder,
        migrationsSchema: 'drizzle',
        migrationsTable: `migrations_${set.name}`,
      });
    }
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await runJobQueueMigrations({ pgPool: pool });
    } finally {
      await pool.end();
    }
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}
