// Shared set-up of the benchmarks: a product runtime on a fresh database of the PostgreSQL service,
// accounts, published stories and an open auction, the load generators' child processes, and the
// small statistics helpers.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { openSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../apps/server/src/config';
import { createLogger, logDestination } from '../apps/server/src/platform/logger';
import { startRuntime, type Runtime } from '../apps/server/src/composition/runtime';
import { createReadyMedia } from '../apps/server/src/modules/media/test-fixtures';
import { apiClient, type Session } from '../apps/server/test/client';

export const SERVICE_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
export type Api = ReturnType<typeof apiClient>;

/** Redis as deployed (BENCH_REDIS, default the local service; `off` runs without it). */
export const REDIS_URL =
  process.env.BENCH_REDIS === 'off' ? null : (process.env.BENCH_REDIS ?? 'redis://127.0.0.1:6379');
/** Log level of every product process (BENCH_LOG_LEVEL, default `info` as deployed). */
export const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';

export interface Bench {
  runtime: Runtime;
  api: Api;
  base: string;
  databaseUrl: string;
  /** Where the product processes write their logs (a file each, as a log shipper would read). */
  logDir: string;
  /** Another API process (ROLES=api) on the same database and Redis; stopped by `close`. */
  startApiProcess(): Promise<{ base: string; stop(): Promise<void> }>;
  close(): Promise<void>;
}

/** `K=V,K=V` settings of the product to compare (BENCH_PRODUCT_ENV). */
function productSettings(list: string | undefined): Record<string, string> {
  if (!list) return {};
  return Object.fromEntries(
    list.split(',').map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new Error(`BENCH_PRODUCT_ENV: "${pair}" is not KEY=VALUE`);
      return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    }),
  );
}

/**
 * A listening product on its own, freshly migrated database, deployed as in production: this
 * process serves the API (ROLES=api) and a child process runs the jobs (ROLES=worker), so job work
 * such as outbid notices does not share the API's event loop. BENCH_WORKER=inline runs both roles
 * in this process instead. Logs are written at `info` (to files under `logDir`) and Redis is on,
 * unless BENCH_LOG_LEVEL / BENCH_REDIS=off say otherwise. No load is generated in this process:
 * every client of the benchmarks runs in a child process (see `runChild`).
 */
export async function startBench(env: Record<string, string> = {}): Promise<Bench> {
  const name = `vw_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${SERVICE_URL}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const databaseUrl = `${SERVICE_URL}/${name}`;
  const split = process.env.BENCH_WORKER !== 'inline';
  const dataDir = await mkdtemp(path.join(tmpdir(), 'vw-bench-'));
  const shared = {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '20',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL,
    ...(REDIS_URL ? { REDIS_URL } : {}),
    // The viewers' tokens are minted once, before the load phases.
    ACCESS_TOKEN_SECONDS: '86400',
    // Thousands of subscribers come from one address (the subscriber process).
    REALTIME_CONNECTIONS_PER_ADDRESS: '1000000',
    DATA_ENCRYPTION_KEYS: `bench1:${Buffer.alloc(32, 9).toString('base64')}`,
    LOOKUP_SECRET: 'bench-lookup-secret-bench-lookup-secret-00',
    RATE_LIMIT_PER_MINUTE: '100000000',
    BID_RATE_LIMIT_PER_MINUTE: '100000000',
    BID_CAP_MULTIPLE: '100000000',
    OPEN_PAYMENT_WINDOWS_PER_BUYER: '100000000',
    MAKER_SIGNUPS_PER_IP_PER_DAY: '100000000',
    SEED_DEMO_DATA: 'false',
    ...env,
    ...productSettings(process.env.BENCH_PRODUCT_ENV),
  };
  const config = loadConfig({ ...shared, ...(split ? { ROLES: 'api' } : {}) });
  const runtime = await startRuntime(config, {
    listen: true,
    logger: createLogger(LOG_LEVEL, logDestination(path.join(dataDir, 'api-1.log'))),
    workerPollIntervalMs: 100,
  });
  const worker = split
    ? await startWorkerProcess({ ...shared, ROLES: 'worker' }, path.join(dataDir, 'worker.log'))
    : null;
  const others: { stop(): Promise<void> }[] = [];
  return {
    runtime,
    api: apiClient(runtime),
    base: runtime.url!,
    databaseUrl,
    logDir: dataDir,
    startApiProcess: async () => {
      const api = await startApiProcess(
        { ...shared, ROLES: 'api' },
        path.join(dataDir, `api-${others.length + 2}.log`),
      );
      others.push(api);
      return api;
    },
    close: async () => {
      for (const other of others) await other.stop();
      worker?.kill('SIGTERM');
      if (worker) await once(worker, 'exit');
      await runtime.stop();
      const drop = new pg.Client({ connectionString: `${SERVICE_URL}/postgres` });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

const MAIN = path.join(import.meta.dirname, '../apps/server/src/main.ts');

/**
 * A product process (`main.ts`) whose stdout — its JSON log — goes to `logFile` (with stderr too
 * when `quiet`: an API process prints its start banner there).
 */
function spawnProduct(env: Record<string, string>, logFile: string, quiet = false): ChildProcess {
  const log = openSync(logFile, 'a');
  return spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', log, quiet ? log : 'inherit'],
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One more API process on the same database; ready once it answers `/health`. */
async function startApiProcess(
  env: Record<string, string>,
  logFile: string,
): Promise<{ base: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawnProduct({ ...env, PORT: String(port) }, logFile, true);
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null)
      throw new Error(`the second API process exited with ${child.exitCode} (see ${logFile})`);
    const ok = await fetch(`${base}/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { base, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error('the second API process did not start in 60 s');
}

/** The worker role in its own process, on the same database (already migrated by the API). */
async function startWorkerProcess(env: Record<string, string>, logFile: string): Promise<ChildProcess> {
  const child = spawnProduct({ ...env, PORT: '0' }, logFile);
  // Ready once it has registered itself as a live job worker.
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 1 });
  try {
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) throw new Error(`the worker process exited with ${child.exitCode}`);
      const seen = await pool.query('select 1 from platform.job_workers limit 1').catch(() => ({ rowCount: 0 }));
      if (seen.rowCount) return child;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the worker process did not start in 60 s');
  } finally {
    await pool.end();
  }
}

let address = 0;
export async function signIn(api: Api, who: string): Promise<Session> {
  address += 1;
  return api.signIn(`${who}-${address}@bench.example`, {
    remoteAddress: `10.88.${Math.floor(address / 250)}.${(address % 250) + 1}`,
  });
}

export async function signInMaker(api: Api, who: string): Promise<Session> {
  const s = await signIn(api, who);
  const res = await api.call('POST', '/v1/makers', { token: s.accessToken, body: { displayName: `Maker ${who}` } });
  if (res.status !== 201) throw new Error(`maker: ${res.status} ${JSON.stringify(res.body)}`);
  return s;
}

let fixtureDir: Promise<string> | undefined;
/** One folder per benchmark process for the transcoded fixture clip. */
function benchFixtureDir(): Promise<string> {
  fixtureDir ??= mkdtemp(path.join(tmpdir(), 'vw-bench-fixtures-'));
  return fixtureDir;
}

/** A published story with a ready hero video; returns its id. */
export async function publishStory(bench: Bench, maker: Session, i: number): Promise<string> {
  const heroMediaId = await createReadyMedia(bench.runtime, maker.userId, { fixtureDir: await benchFixtureDir() });
  const res = await bench.api.call<{ id: string }>('POST', '/v1/stories', {
    token: maker.accessToken,
    body: {
      title: `Bench piece ${i}`,
      category: 'woodwork',
      heroMediaId,
      offerPolicy: { minOfferMinor: 10_000, currency: 'USD', autoRejectBelowMin: true },
      shipping: {
        fromCountry: 'US',
        options: [
          { region: 'domestic', amountMinor: 0, dispatchDays: 2 },
          { region: 'international', amountMinor: 0, dispatchDays: 5 },
        ],
      },
    },
  });
  if (res.status !== 201) throw new Error(`story: ${res.status} ${JSON.stringify(res.body)}`);
  const pub = await bench.api.call('POST', `/v1/stories/${res.body.id}/publish`, { token: maker.accessToken });
  if (pub.status !== 200) throw new Error(`publish: ${pub.status} ${JSON.stringify(pub.body)}`);
  return res.body.id;
}

/**
 * Runs a load generator (a script of bench/) in a child process, never in a server's process:
 * `settings` go in as JSON on argv, the last line it prints comes back parsed as JSON.
 */
export function runChild<T>(script: string, settings: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, script), JSON.stringify(settings)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${script} exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as T);
    });
  });
}

export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** `median unit (min–max)` with `digits` decimals. */
export function spread(values: (number | null)[], digits = 0, unit = ''): string {
  // A figure a run could not measure (no sample) comes back over IPC as null.
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const missing = values.length - known.length;
  const note = missing > 0 ? ` [${missing} of ${values.length} runs without a sample]` : '';
  if (known.length === 0) return `n/a${note}`;
  const f = (v: number) => v.toFixed(digits);
  return `${f(median(known))}${unit} (${f(Math.min(...known))}–${f(Math.max(...known))})${note}`;
}

/** The machine's load average now, for the line a figure is printed on. */
export const loadNow = (): string =>
  `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const ratio = (product: number, baseline: number): string =>
  `${((product / baseline) * 100).toFixed(1)} % of baseline`;
