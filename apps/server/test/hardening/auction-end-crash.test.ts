/**
 * SIGKILL of the server process at the moment an auction ends. The product runs as a child process
 * on a test database; the test holds locks to stop the end job at a chosen point, kills the
 * process there, restarts it, and checks the auction ended exactly once: one `ended` event in the
 * auction's log, one payment window, one "you won" notification.
 *
 * - killed while the end job runs, before it commits: nothing of the end is written, and the job,
 *   still locked by a worker that no longer exists, must run again after the restart;
 * - killed after the end committed, before the job was marked done: the job runs again and must
 *   change nothing.
 *
 * (`src/modules/auctions/restart.test.ts` kills the process in the middle of the bidding; the end
 * then comes due while it is down.)
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/platform/db/embedded';
import type { Runtime } from '../../src/composition/runtime';
import {
  bid,
  openAuctionWith,
  publishedStory,
  signIn,
  signInMaker,
  waitFor,
  type Api,
} from '../../src/modules/auctions/test-support';
import { apiClient, type Session } from '../client';
import { createTestDatabase, startTestServer } from '../harness';
import { spawnProduct } from '../product-process';

const AUCTION_SECONDS = 8;
const TIMINGS = { AUCTION_DURATION_SECONDS: String(AUCTION_SECONDS), SOFT_CLOSE_SECONDS: '1' };

let databaseUrl: string;
let helper: Runtime;
let api: Api;
let db: pg.Pool;
let maker: Session;
let child: ChildProcess | null = null;
const output: string[] = [];

async function startProduct(): Promise<ChildProcess> {
  const proc = await spawnProduct(
    {
      PORT: String(await freePort()),
      DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'vw-end-kill-')),
      DATABASE_URL: databaseUrl,
      SEED_DEMO_DATA: 'false',
      // Jobs held by a killed worker go back to the queue 3 beats after its last one.
      JOB_HEARTBEAT_SECONDS: '1',
      ...TIMINGS,
    },
    { output },
  );
  child = proc;
  return proc;
}

async function kill(proc: ChildProcess): Promise<void> {
  const dead = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGKILL');
  await dead;
  child = null;
}

/**
 * Ends the sessions of the killed process that PostgreSQL still serves because they wait on a
 * lock (a backend only notices its client is gone when it next talks to it): as if the process
 * had died just before its statement reached the database.
 */
async function endOrphanedSessions(): Promise<number> {
  const res = await db.query<{ pid: number }>(
    `select pg_terminate_backend(pid), pid from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
  );
  return res.rowCount ?? 0;
}

interface EndJob {
  id: string;
  locked_by: string | null;
}

async function endJob(auctionId: string): Promise<EndJob | null> {
  const res = await db.query<EndJob>(`select id::text, locked_by from graphile_worker._private_jobs where key = $1`, [
    `auction-end:${auctionId}`,
  ]);
  return res.rows[0] ?? null;
}

/** A backend of the product waiting on one of the test's locks, running `like`. */
async function waitingOn(like: string): Promise<boolean> {
  const res = await db.query(
    `select 1 from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock' and query ilike $1`,
    [like],
  );
  return (res.rowCount ?? 0) > 0;
}

async function status(auctionId: string): Promise<string> {
  const res = await db.query<{ status: string }>('select status from auctions.auctions where id = $1', [auctionId]);
  return res.rows[0]!.status;
}

/** The auction ended exactly once, whatever ran twice. */
async function expectEndedOnce(auctionId: string, winner: Session): Promise<void> {
  const events = await db.query<{ type: string }>(
    `select type from auctions.auction_events where auction_id = $1 and type in ('ended', 'payment_window_opened')`,
    [auctionId],
  );
  expect(events.rows.map((r) => r.type).sort()).toEqual(['ended', 'payment_window_opened']);
  const windows = await db.query<{ winner_id: string; status: string }>(
    'select winner_id, status from auctions.payment_windows where auction_id = $1',
    [auctionId],
  );
  expect(windows.rows).toEqual([{ winner_id: winner.userId, status: 'open' }]);
  const won = await db.query(
    `select 1 from notifications.notifications where user_id = $1 and kind = 'won' and data->>'auctionId' = $2`,
    [winner.userId, auctionId],
  );
  expect(won.rowCount).toBe(1);
  expect(await status(auctionId)).toBe('awaiting_payment');
}

/** An auction with one outbidding bid whose end is a few seconds away. */
async function auctionAboutToEnd(tag: string): Promise<{ auctionId: string; winner: Session }> {
  const [opener, winner] = await Promise.all([signIn(api, `${tag}-opener`), signIn(api, `${tag}-winner`)]);
  const storyId = await publishedStory(helper, api, maker);
  const auction = await openAuctionWith(api, storyId, opener);
  const placed = await bid(api, auction.id, winner, auction.minNextBidMinor!);
  expect(placed.status).toBe(201);
  return { auctionId: auction.id, winner };
}

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // Accounts, stories and bids are made through an API-only runtime on the same database; only
  // the child process runs jobs (sign-in codes included), so only it can end an auction.
  helper = await startTestServer({ databaseUrl, env: { ROLES: 'api', ...TIMINGS } });
  api = apiClient(helper);
  await startProduct();
  maker = await signInMaker(api, 'end-kill-maker');
}, 120_000);

afterEach(() => {
  output.length = 0;
});

afterAll(async () => {
  child?.kill('SIGKILL');
  await helper?.stop();
  await db?.end();
});

describe('SIGKILL while an auction ends', () => {
  it('killed while the end job runs: nothing is written, and after the restart it ends exactly once', async () => {
    const proc = child ?? (await startProduct());
    const { auctionId, winner } = await auctionAboutToEnd('mid-end');
    const blocker = await db.connect();
    try {
      // Hold the auction's row: the end job takes it first thing, so it stops right there.
      await blocker.query('begin');
      await blocker.query('select id from auctions.auctions where id = $1 for update', [auctionId]);
      await waitFor(async () => (await endJob(auctionId))?.locked_by, 30_000);
      await waitFor(() => waitingOn('%auctions%for update%'), 10_000);
      await kill(proc);
      await endOrphanedSessions();
    } finally {
      await blocker.query('rollback');
      blocker.release();
    }
    expect(await status(auctionId)).toBe('active');
    const held = await endJob(auctionId);
    expect(held?.locked_by).toBeTruthy();

    const restartedAt = Date.now();
    await startProduct();
    await waitFor(async () => (await status(auctionId)) !== 'active', 30_000);
    console.log(`end job of a killed worker ran again ${Date.now() - restartedAt} ms after the restart`);
    await expectEndedOnce(auctionId, winner);
  }, 120_000);

  it('killed after the end committed but before the job was marked done: the rerun changes nothing', async () => {
    const proc = child ?? (await startProduct());
    const { auctionId, winner } = await auctionAboutToEnd('after-end');
    const rowLock = await db.connect();
    const jobLock = await db.connect();
    try {
      await rowLock.query('begin');
      await rowLock.query('select id from auctions.auctions where id = $1 for update', [auctionId]);
      const job = await waitFor(async () => {
        const j = await endJob(auctionId);
        return j?.locked_by ? j : null;
      }, 30_000);
      // Hold the job's row, then let the end go through: it commits, and marking the job done waits.
      await jobLock.query('begin');
      await jobLock.query('select id from graphile_worker._private_jobs where id = $1 for update', [job.id]);
      await rowLock.query('commit');
      await waitFor(async () => (await status(auctionId)) !== 'active', 15_000);
      await waitFor(() => waitingOn('%_private_jobs%'), 10_000);
      await kill(proc);
      expect(await endOrphanedSessions()).toBeGreaterThan(0);
    } finally {
      await rowLock.query('rollback').catch(() => {});
      await jobLock.query('rollback');
      rowLock.release();
      jobLock.release();
    }
    expect((await endJob(auctionId))?.locked_by).toBeTruthy();
    await expectEndedOnce(auctionId, winner);

    await startProduct();
    // The job comes back to the queue and runs again (it is gone once done) ...
    await waitFor(async () => (await endJob(auctionId)) === null, 30_000);
    // ... and the auction still ended only once.
    await expectEndedOnce(auctionId, winner);
  }, 120_000);
});
