import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../apps/server/src/platform/db/embedded';

export interface DatabaseTarget {
  url: string;
  /** `external`: DATABASE_URL; `embedded`: the server whose files live in DATA_DIR/postgres. */
  kind: 'external' | 'embedded';
  /** Stops the embedded server when this command started it. */
  release(): Promise<void>;
}

/** The port of the embedded server running on `dir`, or null when none is. */
export async function runningEmbeddedPort(dir: string): Promise<number | null> {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  // postmaster.pid: pid, data directory, start time, port, … (one per line).
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  return port;
}

/**
 * The database a backup reads or a restore writes: DATABASE_URL when set, else the embedded server
 * of DATA_DIR — used as it is when the product is running on it (a backup reads a consistent
 * snapshot while the product works), started for the command's duration when it is not.
 */
export async function openDatabaseTarget(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  purpose: 'backup' | 'restore';
}): Promise<DatabaseTarget> {
  if (options.databaseUrl) return { url: options.databaseUrl, kind: 'external', release: async () => {} };
  const dir = path.resolve(options.dataDir, 'postgres');
  const port = await runningEmbeddedPort(dir);
  if (port !== null) {
    if (options.purpose === 'restore') {
      throw new Error(
        `the product is running on ${options.dataDir} (PostgreSQL on port ${port}): stop it before restoring`,
      );
    }
    return {
      url: `postgres://postgres:postgres@127.0.0.1:${port}/video_window`,
      kind: 'embedded',
      release: async () => {},
    };
  }
  const embedded = await startEmbeddedPostgres(dir);
  return { url: embedded.url, kind: 'embedded', release: () => embedded.stop() };
}

/** Runs `fn` with a connected client and always closes it. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'video-window-backup' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The server's major version (16 for 16.4). */
export async function serverMajorVersion(url: string): Promise<{ major: number; version: string }> {
  return withClient(url, async (client) => {
    const r = await client.query<{ num: string; version: string }>(
      `select current_setting('server_version_num') as num, current_setting('server_version') as version`,
    );
    const row = r.rows[0]!;
    return { major: Math.floor(Number(row.num) / 10000), version: row.version.split(' ')[0]! };
  });
}

/** Whether the database holds any table outside PostgreSQL's own schemas. */
export async function databaseHasTables(url: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const r = await client.query(
      `select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
         and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%' limit 1`,
    );
    return (r.rowCount ?? 0) > 0;
  });
}

/** Double-quotes an SQL identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
