/**
 * PostgreSQL taken away and given back, through a TCP proxy between the server and the database:
 * while it is away every API call answers 503 `service_unavailable` within seconds (never a 500,
 * never a hang), `/ready` answers 503 and `/health` stays up; once it is back the same server
 * serves again without a restart (its job worker and cron included, and its whole connection
 * pool); and bids cut off mid-transaction leave nothing half-written.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openAuctionWith,
  publishedStory,
  signIn,
  signInMaker,
  type AuctionBody,
  type ErrorBody,
} from '../../src/modules/auctions/test-support';
import type { Runtime } from '../../src/composition/runtime';
import { apiClient, type Session, type TestResponse } from '../client';
import { captureConnectionTraces } from '../expected-traces';
import { createTestDatabase, startTestServer } from '../harness';
import { TcpProxy } from './tcp-proxy';

// Workers of the job queue that lose their connection print a trace: expected here, and checked.
captureConnectionTraces();

/** Every answer during an outage must come within this (the configured timeouts plus slack). */
const ANSWER_WITHIN_MS = 6_000;

let proxy: TcpProxy;
let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
let direct: pg.Pool;
let maker: Session;
let bidders: Session[];
let auctionId: string;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  const target = new URL(databaseUrl);
  proxy = await new TcpProxy(target.hostname, Number(target.port || 5432)).start();
  const proxied = new URL(databaseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  direct = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  runtime = await startTestServer({
    databaseUrl: proxied.toString(),
    // Jobs a worker held when its connection died are free again three beats later.
    env: { DATABASE_CONNECT_TIMEOUT_SECONDS: '2', DATABASE_QUERY_TIMEOUT_SECONDS: '3', JOB_HEARTBEAT_SECONDS: '2' },
  });
  api = apiClient(runtime);
  maker = await signInMaker(api, 'outage-maker');
  bidders = await Promise.all([1, 2, 3, 4].map((i) => signIn(api, `outage-bidder-${i}`)));
  const storyId = await publishedStory(runtime, api, maker);
  auctionId = (await openAuctionWith(api, storyId, bidders[0]!)).id;
}, 120_000);

afterAll(async () => {
  await proxy?.restore();
  await runtime?.stop();
  await proxy?.stop();
  await direct?.end();
});

interface Timed<T> extends TestResponse<T> {
  ms: number;
}

async function timed<T = ErrorBody>(call: () => Promise<TestResponse<T>>): Promise<Timed<T>> {
  const started = Date.now();
  const res = await call();
  return { ...res, ms: Date.now() - started };
}

async function current(): Promise<AuctionBody> {
  const res = await api.call<AuctionBody>('GET', `/v1/auctions/${auctionId}`);
  expect(res.status).toBe(200);
  return res.body;
}

/** The calls a client keeps making while the database is away: reads, a bid, the caller, readiness. */
async function callsDuringOutage(bidKey: string, amountMinor: number) {
  const bidder = bidders[1]!;
  const [auction, bid, me, feed, signInStart, ready, health] = await Promise.all([
    timed(() => api.call<ErrorBody>('GET', `/v1/auctions/${auctionId}`)),
    timed(() =>
      api.call<ErrorBody>('POST', `/v1/auctions/${auctionId}/bids`, {
        token: bidder.accessToken,
        body: { amountMinor },
        headers: { 'idempotency-key': bidKey },
      }),
    ),
    timed(() => api.call<ErrorBody>('GET', '/v1/me', { token: bidder.accessToken })),
    timed(() => api.call<ErrorBody>('GET', '/v1/feed')),
    timed(() =>
      api.call<ErrorBody>('POST', '/v1/auth/email/start', {
        body: { email: `outage-${randomUUID()}@example.com` },
        remoteAddress: '10.98.0.1',
      }),
    ),
    timed(() => api.call<{ status: string; checks: Record<string, string> }>('GET', '/ready')),
    timed(() => api.call<{ status: string }>('GET', '/health')),
  ]);
  console.log(
    `answers during the outage: ${[auction, bid, me, feed, signInStart, ready].map((r) => r.ms).join(', ')} ms`,
  );
  for (const res of [auction, bid, me, feed, signInStart]) {
    expect(res.status, JSON.stringify(res.body)).toBe(503);
    expect(res.body.error.code).toBe('service_unavailable');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.ms).toBeLessThan(ANSWER_WITHIN_MS);
  }
  expect(ready.status).toBe(503);
  expect(ready.body.status).toBe('not_ready');
  expect(ready.ms).toBeLessThan(ANSWER_WITHIN_MS);
  expect(health.status).toBe(200);
}

async function waitUntilReady(ms = 20_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const res = await api.call('GET', '/ready');
    if (res.status === 200) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`not ready ${ms} ms after the database came back`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The bid a key produced, if any, straight from the database. */
async function bidsOf(auction: string) {
  const res = await direct.query<{ id: string; sequence: number; kind: string; amount_minor: number; voided: boolean }>(
    'select id, sequence, kind, amount_minor::int, voided from auctions.bids where auction_id = $1 order by sequence',
    [auction],
  );
  return res.rows;
}

/** The auction row agrees with its bids and its event log: nothing was half-written. */
async function expectConsistent(auction: string): Promise<void> {
  const bids = await bidsOf(auction);
  const row = (
    await direct.query<{ last_sequence: number; high_bid_minor: number | null }>(
      'select last_sequence, high_bid_minor::int from auctions.auctions where id = $1',
      [auction],
    )
  ).rows[0]!;
  expect(row.last_sequence).toBe(Math.max(...bids.map((b) => b.sequence)));
  const shown = bids.filter((b) => b.kind !== 'max_raise' && !b.voided);
  expect(row.high_bid_minor).toBe(Math.max(...shown.map((b) => b.amount_minor)));
  const events = await direct.query<{ bid_id: string; n: number }>(
    `select data->>'bidId' as bid_id, count(*)::int as n from auctions.auction_events
      where auction_id = $1 and type in ('bid_placed', 'proxy_bid_placed') group by 1`,
    [auction],
  );
  const logged = new Map(events.rows.map((r) => [r.bid_id, r.n]));
  for (const b of bids.filter((x) => x.kind === 'bid' || x.kind === 'proxy')) expect(logged.get(b.id)).toBe(1);
  expect(events.rows.every((r) => bids.some((b) => b.id === r.bid_id))).toBe(true);
}

/**
 * A sign-in code is a job: it arriving shows the job worker is back. Recovery may take the
 * runner's restart backoff (at most 10 s) plus three heartbeats for a job a dead worker held.
 */
async function jobsRunAgain(who: string): Promise<void> {
  await api.signIn(`${who}-${Date.now().toString(36)}@example.com`, { codeWaitMs: 30_000 });
}

describe('PostgreSQL connection lost and back', () => {
  it('answers 503 service_unavailable within seconds while PostgreSQL refuses connections, then recovers', async () => {
    const before = await current();
    const storedBefore = (await bidsOf(auctionId)).length;
    const key = randomUUID();
    await proxy.refuse();
    try {
      await callsDuringOutage(key, before.minNextBidMinor!);
      // Still answering the same way a little later (the pool did not wedge).
      await callsDuringOutage(key, before.minNextBidMinor!);
    } finally {
      await proxy.restore();
    }
    const tookMs = await waitUntilReady();
    console.log(`database refused: ready again ${tookMs} ms after it came back`);
    // The bid that failed with 503 was not recorded; retried with its key it is placed once.
    expect((await bidsOf(auctionId)).length).toBe(storedBefore);
    const retried = await api.call<{ bid: { id: string } }>('POST', `/v1/auctions/${auctionId}/bids`, {
      token: bidders[1]!.accessToken,
      body: { amountMinor: before.minNextBidMinor! },
      headers: { 'idempotency-key': key },
    });
    expect(retried.status).toBe(201);
    expect((await bidsOf(auctionId)).filter((b) => b.id === retried.body.bid.id)).toHaveLength(1);
    await expectConsistent(auctionId);
    // The job worker came through too: a sign-in code is delivered by a job.
    await jobsRunAgain('after-refused');
  }, 60_000);

  it('never hangs while the network to PostgreSQL is partitioned (connections open, no bytes), then recovers', async () => {
    const before = await current();
    proxy.blackhole();
    try {
      await callsDuringOutage(randomUUID(), before.minNextBidMinor!);
    } finally {
      await proxy.restore();
    }
    await waitUntilReady();
    const after = await current();
    expect(after.bidCount).toBe(before.bidCount);
    expect(after.highBidMinor).toBe(before.highBidMinor);
  }, 60_000);

  it('leaves no half-written bid when the connections drop in the middle of bidding', async () => {
    const acknowledged = new Map<string, string>();
    const attempts: { key: string; who: Session; amountMinor: number; status?: number }[] = [];
    let stop = false;
    const bidding = Promise.all(
      bidders.slice(1).map(async (who, i) => {
        while (!stop) {
          const next = (await api.call<AuctionBody>('GET', `/v1/auctions/${auctionId}`)).body.minNextBidMinor;
          const amountMinor = (next ?? 0) + i;
          const attempt: (typeof attempts)[number] = { key: randomUUID(), who, amountMinor };
          attempts.push(attempt);
          const res = await api.call<{ bid: { id: string } } & ErrorBody>('POST', `/v1/auctions/${auctionId}/bids`, {
            token: who.accessToken,
            body: { amountMinor },
            headers: { 'idempotency-key': attempt.key },
          });
          attempt.status = res.status;
          expect(res.status, JSON.stringify(res.body)).not.toBe(500);
          if (res.status === 201) acknowledged.set(attempt.key, res.body.bid.id);
          if (res.status === 503) await new Promise((r) => setTimeout(r, 50));
        }
      }),
    );
    // Cut every connection several times while bids are in flight.
    for (let cut = 0; cut < 4; cut++) {
      await new Promise((r) => setTimeout(r, 300));
      await proxy.refuse();
      await new Promise((r) => setTimeout(r, 150));
      await proxy.restore();
    }
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await bidding;
    await waitUntilReady();

    const stored = new Set((await bidsOf(auctionId)).map((b) => b.id));
    expect([...acknowledged.values()].filter((id) => !stored.has(id))).toEqual([]);
    expect(attempts.some((a) => a.status === 503)).toBe(true);
    await expectConsistent(auctionId);

    // Every request that never got its answer, retried with its key: the first outcome, exactly once.
    for (const attempt of attempts.filter((a) => a.status === 503)) {
      const res = await api.call<{ bid: { id: string } } & ErrorBody>('POST', `/v1/auctions/${auctionId}/bids`, {
        token: attempt.who.accessToken,
        body: { amountMinor: attempt.amountMinor },
        headers: { 'idempotency-key': attempt.key },
      });
      expect([201, 409, 422]).toContain(res.status);
    }
    await expectConsistent(auctionId);
    const ids = (await bidsOf(auctionId)).map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    await jobsRunAgain('after-cuts');
    console.log(
      `database cut 4 times during bidding: ${attempts.length} attempts, ${acknowledged.size} acknowledged, ` +
        `${attempts.filter((a) => a.status === 503).length} answered 503`,
    );
  }, 90_000);

  it('keeps running jobs and cron after an outage across a cron tick', async () => {
    // The media module schedules a sweep every minute: be away when the scheduler fires.
    const now = Date.now();
    const nextMinute = Math.ceil((now + 1_500) / 60_000) * 60_000;
    await new Promise((r) => setTimeout(r, nextMinute - 1_000 - Date.now()));
    await proxy.refuse();
    await new Promise((r) => setTimeout(r, nextMinute + 2_500 - Date.now()));
    await proxy.restore();
    await waitUntilReady();
    // The tick that fell in the outage is scheduled once the database is back.
    await expect
      .poll(
        async () =>
          (
            await direct.query<{ last: Date }>(
              'select max(last_execution) as last from graphile_worker._private_known_crontabs',
            )
          ).rows[0]!.last.getTime(),
        { timeout: 20_000, interval: 250 },
      )
      .toBeGreaterThanOrEqual(nextMinute);
    await jobsRunAgain('after-tick');
  }, 120_000);

  it('has every connection back in the pool: none was lost to a transaction cut off at its start', async () => {
    // Each job runner (the default lane and the media lane) holds a listening connection and polls;
    // without them the pool must be all idle.
    await Promise.all([runtime.worker?.stop(), runtime.mediaWorker?.stop()]);
    const pool = runtime.ctx.pool;
    await expect.poll(() => pool.totalCount - pool.idleCount, { timeout: 5_000 }).toBe(0);
  });
});
