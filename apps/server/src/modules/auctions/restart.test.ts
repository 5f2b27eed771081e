/**
 * The real server as a child process: bids over HTTP, SIGKILL in the middle of the auction, a
 * restart on the same database — no acknowledged bid lost, and the end fires once after restart.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { apiClient } from '../../../test/client';
import { createTestDatabase, startTestServer } from '../../../test/harness';
import { spawnProduct } from '../../../test/product-process';
import { httpClient } from './http-client';
import { publishedStory, signIn, signInMaker, waitFor, type AuctionBody, type ErrorBody } from './test-support';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let databaseUrl: string;
let helper: Runtime;
let child: ChildProcess | null = null;
const output: string[] = [];

const startServer = (port: number, dataDir: string): Promise<ChildProcess> =>
  spawnProduct(
    {
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      AUCTION_DURATION_SECONDS: '12',
      SOFT_CLOSE_SECONDS: '1',
    },
    { output, readyPath: '/health' },
  );

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  // Accounts and the story are made through an API-only runtime on the same database (no worker:
  // only the child process runs jobs and timers).
  helper = await startTestServer({ databaseUrl, env: { ROLES: 'api' } });
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await helper.stop();
});

it('loses no acknowledged bid across SIGKILL and ends the auction exactly once after restart', async () => {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vw-kill-'));
  child = await startServer(port, dataDir);
  // Sign-in codes are delivered by the child's worker into the shared development mailbox.
  const api = apiClient(helper);
  const maker = await signInMaker(api, 'kill-maker');
  const storyId = await publishedStory(helper, api, maker);
  const bidders = await Promise.all(Array.from({ length: 6 }, (_, i) => signIn(api, `kill-${i}`)));
  const call = httpClient(`http://127.0.0.1:${port}`);

  const opened = await call<{ auction: AuctionBody }>('POST', `/v1/stories/${storyId}/offers`, {
    token: bidders[0]!.accessToken,
    body: { amountMinor: 10_000 },
  });
  expect(opened.status).toBe(201);
  const auctionId = opened.body.auction.id;

  const acknowledged: string[] = [];
  const shownAcknowledged: string[] = [];
  let killed = false;
  const bidding = Promise.all(
    bidders.slice(1).map(async (who, i) => {
      let next = opened.body.auction.minNextBidMinor!;
      while (!killed) {
        try {
          const res = await call<{ bid: { id: string; kind: string }; auction: AuctionBody } & ErrorBody>(
            'POST',
            `/v1/auctions/${auctionId}/bids`,
            { token: who.accessToken, body: { amountMinor: next + i }, headers: { 'idempotency-key': randomUUID() } },
          );
          if (res.status === 201) {
            acknowledged.push(res.body.bid.id);
            if (res.body.bid.kind !== 'max_raise') shownAcknowledged.push(res.body.bid.id);
            next = res.body.auction.minNextBidMinor ?? next;
          } else if (res.body.error.code === 'bid_too_low') {
            next = Number(res.body.error.details!.minNextBidMinor);
          }
        } catch {
          return; // the connection died with the process: this bid was never acknowledged
        }
      }
    }),
  );
  await waitFor(async () => acknowledged.length >= 15, 30_000);
  const dead = new Promise((r) => child!.once('exit', r));
  child.kill('SIGKILL');
  killed = true;
  await dead;
  await bidding;
  const restartedAt = new Date();

  child = await startServer(port, dataDir);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const stored = await pool.query<{ id: string }>('select id from auctions.bids where auction_id = $1', [auctionId]);
    const ids = new Set(stored.rows.map((r) => r.id));
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    const listed = (await call<{ items: { id: string }[] }>('GET', `/v1/auctions/${auctionId}/bids?limit=1000`)).body
      .items;
    const listedIds = listed.map((b) => b.id);
    // Every acknowledged bid is listed once (a leader's private max raise is not a shown bid).
    for (const id of shownAcknowledged) expect(listedIds.filter((x) => x === id)).toHaveLength(1);

    const ended = await waitFor(async () => {
      const a = (await call<AuctionBody>('GET', `/v1/auctions/${auctionId}`)).body;
      return a.status !== 'active' ? a : null;
    }, 40_000);
    expect(ended.status).toBe('awaiting_payment');
    const ends = await pool.query<{ recorded_at: Date }>(
      `select recorded_at from auctions.auction_events where auction_id = $1 and type = 'ended'`,
      [auctionId],
    );
    expect(ends.rows).toHaveLength(1);
    expect(ends.rows[0]!.recorded_at.getTime()).toBeGreaterThanOrEqual(restartedAt.getTime());
    console.log(`SIGKILL test: ${acknowledged.length} acknowledged bids before the kill, all present after restart`);
  } finally {
    await pool.end();
  }
}, 180_000);
