/**
 * Scale-out as deployed: two API processes and one worker process (real `main.ts` children) on the
 * machine's PostgreSQL service and Redis. A bid through API 1 reaches a WebSocket subscriber of
 * API 2; the worker ends a short auction; a SIGKILLed worker replaced by another loses no job.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { portOpen } from './net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { freePort } from '../src/platform/db/embedded';
import type { Runtime } from '../src/composition/runtime';
import { httpClient } from '../src/modules/auctions/http-client';
import { publishedStory, signIn, signInMaker, waitFor, type AuctionBody } from '../src/modules/auctions/test-support';
import { apiClient } from './client';
import { subscribeLive } from './live-client';
import { startTestServer, TEST_DATA_KEYS } from './harness';

const SERVICE_URL = 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = 'redis://127.0.0.1:6379';
const root = path.resolve(import.meta.dirname, '../../..');

/** Why the scale-out scenario cannot run here, or null when both services answer. */
async function unavailable(): Promise<string | null> {
  if (!(await portOpen(6379))) return `nothing answers at ${REDIS_URL}`;
  const client = new pg.Client({ connectionString: `${SERVICE_URL}/postgres` });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return `PostgreSQL service at ${SERVICE_URL} unusable: ${String(err)}`;
  } finally {
    await client.end().catch(() => {});
  }
}

const reason = await unavailable();
if (reason) console.log(`scale-out test not run: ${reason}`);

const children: ChildProcess[] = [];
const output: string[] = [];
const dbName = `vw_scale_${randomBytes(5).toString('hex')}`;
const databaseUrl = `${SERVICE_URL}/${dbName}`;
let dataDir = '';

function startProcess(roles: string, port: number): ChildProcess {
  // A worker-only process serves only /metrics and /health, on METRICS_PORT.
  const portEnv = roles === 'worker' ? { METRICS_PORT: String(port) } : { PORT: String(port) };
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      ROLES: roles,
      ...portEnv,
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      DATA_ENCRYPTION_KEYS: TEST_DATA_KEYS,
      LOOKUP_SECRET: 'test-lookup-secret-test-lookup-secret-000',
      RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'warn',
      AUCTION_DURATION_SECONDS: '15',
      SOFT_CLOSE_SECONDS: '1',
      SEED_DEMO_DATA: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => output.push(`[${roles}:${port}] ${d.toString()}`));
  child.stderr?.on('data', (d: Buffer) => output.push(`[${roles}:${port}] ${d.toString()}`));
  children.push(child);
  return child;
}

async function waitHealthy(child: ChildProcess, port: number): Promise<void> {
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`process exited early:\n${output.join('')}`);
    return fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
  }, 90_000);
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await Promise.all(children.map(exited));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (reason) return;
  const admin = new pg.Client({ connectionString: `${SERVICE_URL}/postgres` });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${dbName} with (force)`);
  } finally {
    await admin.end();
  }
});

describe.runIf(reason === null)(
  'scale-out: two API processes and a worker process on PostgreSQL and Redis (needs both services at 127.0.0.1; skipped without them)',
  () => {
    it('fans a bid out across API processes, ends the auction on the worker, and loses no job when the worker is killed', async () => {
      const admin = new pg.Client({ connectionString: `${SERVICE_URL}/postgres` });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      await admin.end();
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'vw-scale-'));
      const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
      let helper: Runtime | null = null;
      const sockets: WebSocket[] = [];
      try {
        // The first API process migrates the fresh database; the others start on a migrated one.
        const [port1, port2] = [await freePort(), await freePort()];
        const api1 = startProcess('api', port1);
        await waitHealthy(api1, port1);
        const api2 = startProcess('api', port2);
        await waitHealthy(api2, port2);
        const workerPort = await freePort();
        const worker1 = startProcess('worker', workerPort);
        await waitHealthy(worker1, workerPort);

        // Accounts and a published story, made in-process (sign-in codes are delivered by the worker).
        helper = await startTestServer({ databaseUrl, env: { ROLES: 'api', AUCTION_DURATION_SECONDS: '15' } });
        const api = apiClient(helper);
        const maker = await signInMaker(api, 'scale-maker');
        const storyId = await publishedStory(helper, api, maker);
        const opener = await signIn(api, 'scale-opener');
        const bidder = await signIn(api, 'scale-bidder');

        const call1 = httpClient(`http://127.0.0.1:${port1}`);
        const opened = await call1<{ auction: AuctionBody }>('POST', `/v1/stories/${storyId}/offers`, {
          token: opener.accessToken,
          body: { amountMinor: 10_000 },
        });
        expect(opened.status).toBe(201);
        const auction = opened.body.auction;

        const watcher = await subscribeLive(`ws://127.0.0.1:${port2}/v1/realtime`, `auction:${auction.id}`);
        sockets.push(watcher.socket);
        const placed = await call1<{ bid: { id: string } }>('POST', `/v1/auctions/${auction.id}/bids`, {
          token: bidder.accessToken,
          body: { amountMinor: auction.minNextBidMinor! },
        });
        expect(placed.status).toBe(201);
        const live = await waitFor(async () => watcher.messages.find((m) => m.type === 'bid_placed'));
        expect(live.channel).toBe(`auction:${auction.id}`);

        // The worker dies before the end is due; its replacement fires the end exactly once.
        worker1.kill('SIGKILL');
        await exited(worker1);
        const worker2 = startProcess('worker', workerPort);
        const ended = await waitFor(async () => {
          if (worker2.exitCode !== null) throw new Error(`worker exited:\n${output.join('')}`);
          const a = (await call1<AuctionBody>('GET', `/v1/auctions/${auction.id}`)).body;
          return a.status !== 'active' ? a : null;
        }, 90_000);
        expect(ended.status).toBe('awaiting_payment');
        expect(ended.winnerId).toBe(bidder.userId);
        const ends = await pool.query(
          `select 1 from auctions.auction_events where auction_id = $1 and type = 'ended'`,
          [auction.id],
        );
        expect(ends.rowCount).toBe(1);
        // The end reaches the subscriber on the other API process too.
        await waitFor(async () => watcher.messages.some((m) => m.type === 'ended'));

        // The worker's own metrics endpoint shows the end task's run.
        const scraped = await (await fetch(`http://127.0.0.1:${workerPort}/metrics`)).text();
        expect(scraped).toMatch(/job_duration_seconds_count\{[^}]*task="auctions[^"]*"[^}]*outcome="ok"/);
        expect(scraped).toContain('# TYPE jobs_failed_total counter');
      } finally {
        for (const s of sockets) s.close();
        await helper?.stop();
        await pool.end();
      }
    }, 240_000);
  },
);
