// Shared set-up of the benchmarks: a product runtime on a fresh database of the PostgreSQL service,
// accounts, published stories and an open auction, plus the small statistics helpers.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../apps/server/src/config';
import { createLogger } from '../apps/server/src/platform/logger';
import { startRuntime, type Runtime } from '../apps/server/src/composition/runtime';
import { createReadyMedia } from '../apps/server/src/modules/media/test-fixtures';
import { apiClient, type Session } from '../apps/server/test/client';

export const SERVICE_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
export type Api = ReturnType<typeof apiClient>;

export interface Bench {
  runtime: Runtime;
  api: Api;
  base: string;
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * A listening product on its own, freshly migrated database, deployed as in production: this
 * process serves the API (ROLES=api) and a child process runs the jobs (ROLES=worker), so job work
 * such as outbid notices does not share the API's event loop. BENCH_WORKER=inline runs both roles
 * in this process instead.
 */
export async function startBench(env: Record<string, string> = {}): Promise<Bench> {
  const name = `vw_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${SERVICE_URL}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const databaseUrl = `${SERVICE_URL}/${name}`;
  const split = process.env.BENCH_WORKER !== 'inline';
  const shared = {
    NODE_ENV: 'test',
    DATA_DIR: await mkdtemp(path.join(tmpdir(), 'vw-bench-')),
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '20',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATA_ENCRYPTION_KEYS: `bench1:${Buffer.alloc(32, 9).toString('base64')}`,
    LOOKUP_SECRET: 'bench-lookup-secret-bench-lookup-secret-00',
    RATE_LIMIT_PER_MINUTE: '100000000',
    BID_RATE_LIMIT_PER_MINUTE: '100000000',
    BID_CAP_MULTIPLE: '100000000',
    OPEN_PAYMENT_WINDOWS_PER_BUYER: '100000000',
    MAKER_SIGNUPS_PER_IP_PER_DAY: '100000000',
    SEED_DEMO_DATA: 'false',
    ...env,
  };
  const config = loadConfig({ ...shared, ...(split ? { ROLES: 'api' } : {}) });
  const runtime = await startRuntime(config, {
    listen: true,
    logger: createLogger('silent'),
    workerPollIntervalMs: 100,
  });
  const worker = split ? await startWorkerProcess({ ...shared, ROLES: 'worker' }) : null;
  return {
    runtime,
    api: apiClient(runtime),
    base: runtime.url!,
    databaseUrl,
    close: async () => {
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

/** The worker role in its own process, on the same database (already migrated by the API). */
async function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const main = path.join(import.meta.dirname, '../apps/server/src/main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { PATH: process.env.PATH, ...env, PORT: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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
    },
  });
  if (res.status !== 201) throw new Error(`story: ${res.status} ${JSON.stringify(res.body)}`);
  const pub = await bench.api.call('POST', `/v1/stories/${res.body.id}/publish`, { token: maker.accessToken });
  if (pub.status !== 200) throw new Error(`publish: ${pub.status} ${JSON.stringify(pub.body)}`);
  return res.body.id;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const ratio = (product: number, baseline: number): string =>
  `${((product / baseline) * 100).toFixed(1)} % of baseline`;
