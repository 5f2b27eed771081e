/**
 * Real concurrent HTTP requests over a socket against real PostgreSQL: many bidders on one hot
 * auction, and bids racing the end of a short auction.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import type { Session } from '../../../test/client';
import { spyOnPool } from '../../../test/pool-spy';
import { httpClient } from './http-client';
import {
  bid,
  eventTypes,
  openAuctionWith,
  publishedStory,
  signIn,
  signInMaker,
  startAuctionServer,
  waitFor,
  type Api,
  type AuctionBody,
  type ErrorBody,
} from './test-support';

interface BidAnswer {
  bid: { id: string; bidderId: string; amountMinor: number; kind: string; createdAt: string };
  auction: AuctionBody;
}
interface BidRow {
  id: string;
  sequence: number;
  bidder_id: string;
  kind: string;
  amount_minor: number;
  voided: boolean;
  created_at: Date;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function listen(runtime: Runtime): Promise<ReturnType<typeof httpClient>> {
  const url = await runtime.app!.listen({ port: 0, host: '127.0.0.1' });
  return httpClient(url);
}

async function bidRows(runtime: Runtime, auctionId: string): Promise<BidRow[]> {
  const res = await runtime.ctx.pool.query<BidRow>(
    'select id, sequence, bidder_id, kind, amount_minor, voided, created_at from auctions.bids where auction_id = $1 order by sequence',
    [auctionId],
  );
  return res.rows;
}

/** The log's invariants: contiguous sequence, strictly rising visible amounts, each acknowledged bid once. */
function checkLog(rows: BidRow[], acknowledged: BidAnswer['bid'][]): BidRow[] {
  expect(rows.map((r) => r.sequence)).toEqual(rows.map((_, i) => i + 1));
  for (const ack of acknowledged) expect(rows.filter((r) => r.id === ack.id)).toHaveLength(1);
  const requests = rows.filter((r) => r.kind === 'bid' || r.kind === 'max_raise');
  expect(requests).toHaveLength(acknowledged.length);
  const visible = rows.filter((r) => r.kind !== 'max_raise' && !r.voided);
  for (let i = 1; i < visible.length; i++)
    expect(visible[i]!.amount_minor).toBeGreaterThan(visible[i - 1]!.amount_minor);
  return visible;
}

/** One bidder: bids at the minimum next bid (sometimes with a maximum) until `count` are acknowledged, `attempts` sent, or time is up. */
async function bidder(
  call: ReturnType<typeof httpClient>,
  auction: AuctionBody,
  who: Session,
  options: { count: number; attempts: number; until?: number; spread: number },
  acknowledged: BidAnswer['bid'][],
  refusals: string[],
): Promise<void> {
  let next = auction.minNextBidMinor!;
  let placed = 0;
  for (let attempt = 0; placed < options.count && attempt < options.attempts; attempt++) {
    if (options.until !== undefined && Date.now() > options.until) return;
    const amountMinor = next + options.spread;
    const withMax = attempt % 4 === 3 ? { maxAmountMinor: amountMinor + 1_500 } : {};
    const res = await call<BidAnswer & ErrorBody>('POST', `/v1/auctions/${auction.id}/bids`, {
      token: who.accessToken,
      body: { amountMinor, ...withMax },
      headers: { 'idempotency-key': randomUUID() },
    });
    if (res.status === 201) {
      acknowledged.push(res.body.bid);
      placed += 1;
      next = res.body.auction.minNextBidMinor ?? next;
      continue;
    }
    refusals.push(res.body.error.code);
    if (res.body.error.code === 'bid_too_low') next = Number(res.body.error.details!.minNextBidMinor);
    else if (res.body.error.code === 'already_leading') await sleep(2);
    else if (res.body.error.code === 'auction_ended') return;
    else throw new Error(`unexpected answer ${res.status} ${JSON.stringify(res.body)}`);
  }
}

describe('many bidders on one hot auction', () => {
  let runtime: Runtime;
  let api: Api;
  beforeAll(async () => {
    ({ runtime, api } = await startAuctionServer({ env: { DATABASE_POOL_SIZE: '20' } }));
  });
  afterAll(async () => runtime.stop());

  it('serialises every bid: each acknowledged bid is in the log once, amounts rise strictly, the leader is right', async () => {
    const call = await listen(runtime);
    const maker = await signInMaker(api, 'hot-maker');
    const storyId = await publishedStory(runtime, api, maker);
    const auction = await openAuctionWith(api, storyId, await signIn(api, 'hot-opener'), 10_000);
    const bidders = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(api, `hot-${i}`)));
    const acknowledged: BidAnswer['bid'][] = [];
    const refusals: string[] = [];

    const started = performance.now();
    await Promise.all(
      bidders.map((who, i) =>
        bidder(call, auction, who, { count: 1000, attempts: 25, spread: (i * 37) % 400 }, acknowledged, refusals),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const requests = acknowledged.length + refusals.length;
    // Every request, accepted or refused, is decided under the auction's lock: requests/s is the lock's rate.
    console.log(
      `hot auction: ${acknowledged.length} bids accepted of ${requests} requests in ${seconds.toFixed(2)} s — ` +
        `${(acknowledged.length / seconds).toFixed(0)} accepted bids/s, ${(requests / seconds).toFixed(0)} bid requests/s ` +
        `(12 concurrent bidders, one auction, real HTTP + PostgreSQL)`,
    );
    expect(acknowledged.length).toBeGreaterThanOrEqual(25);

    const visible = checkLog(await bidRows(runtime, auction.id), acknowledged);
    const final = (await call<AuctionBody>('GET', `/v1/auctions/${auction.id}`)).body;
    expect(final.highBidMinor).toBe(Math.max(...visible.map((r) => r.amount_minor)));
    expect(final.leaderId).toBe(visible.at(-1)!.bidder_id);
    expect(final.bidCount).toBe(visible.length);
    const listed = (await call<{ items: { id: string }[] }>('GET', `/v1/auctions/${auction.id}/bids?limit=1000`)).body
      .items;
    expect(listed.map((b) => b.id)).toEqual(visible.map((r) => r.id));
  });
});

describe('the auction row lock', () => {
  let runtime: Runtime;
  let api: Api;
  beforeAll(async () => {
    ({ runtime, api } = await startAuctionServer());
  });
  afterAll(async () => runtime.stop());

  it('is not waited for by a bid the committed state already refuses; a bid that may stand waits for it', async () => {
    const call = await listen(runtime);
    const maker = await signInMaker(api, 'lock-maker');
    const storyId = await publishedStory(runtime, api, maker);
    const auction = await openAuctionWith(api, storyId, await signIn(api, 'lock-opener'), 10_000);
    const [low, high] = await Promise.all([signIn(api, 'lock-low'), signIn(api, 'lock-high')]);
    const holder = await runtime.ctx.pool.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from auctions.auctions where id = $1 for update', [auction.id]);
      const standing = call<BidAnswer>('POST', `/v1/auctions/${auction.id}/bids`, {
        token: high.accessToken,
        body: { amountMinor: auction.minNextBidMinor! },
      });
      const refusing = call<ErrorBody>('POST', `/v1/auctions/${auction.id}/bids`, {
        token: low.accessToken,
        body: { amountMinor: auction.minNextBidMinor! - 1 },
      });
      const refused = await Promise.race([refusing, sleep(10_000).then(() => null)]);
      if (refused === null) throw new Error('the losing bid waited for the lock');
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('bid_too_low');
      expect(refused.body.error.details).toEqual({ minNextBidMinor: auction.minNextBidMinor });
      const waited = await Promise.race([standing.then(() => 'answered'), sleep(300).then(() => 'waiting')]);
      expect(waited).toBe('waiting');
      await holder.query('commit');
      expect((await standing).status).toBe(201);
    } finally {
      await holder.query('rollback'); // a no-op after the commit; frees the row when an expectation failed
      holder.release();
    }
  });
});

describe('bids racing the end', () => {
  let runtime: Runtime;
  let api: Api;
  beforeAll(async () => {
    ({ runtime, api } = await startAuctionServer({
      env: { AUCTION_DURATION_SECONDS: '2', SOFT_CLOSE_SECONDS: '1', DATABASE_POOL_SIZE: '20' },
    }));
  });
  afterAll(async () => runtime.stop());

  it('accepts nothing at or after the final end; exactly one end and one winner', async () => {
    const call = await listen(runtime);
    const maker = await signInMaker(api, 'race-maker');
    const storyId = await publishedStory(runtime, api, maker);
    const bidders = await Promise.all(Array.from({ length: 8 }, (_, i) => signIn(api, `race-${i}`)));
    const auction = await openAuctionWith(api, storyId, await signIn(api, 'race-opener'), 10_000);
    const acknowledged: BidAnswer['bid'][] = [];
    const refusals: string[] = [];

    // A hot phase, then racers bidding about one soft-close period after each other, until the end wins.
    const hotUntil = Date.now() + 1_500;
    await Promise.all(
      bidders.map((who, i) =>
        bidder(
          call,
          auction,
          who,
          { count: 1000, attempts: 1000, until: hotUntil, spread: i * 11 },
          acknowledged,
          refusals,
        ),
      ),
    );
    // The racers stop after a while (four of them can keep a 1 s soft close alive indefinitely);
    // the end then comes at most a soft-close period after their last bid.
    const raceUntil = Date.now() + 8_000;
    await Promise.all(
      bidders.slice(0, 4).map(async (who, i) => {
        for (let round = 0; round < 30 && Date.now() < raceUntil; round++) {
          await sleep(800 + Math.random() * 700);
          const before = refusals.length;
          await bidder(call, auction, who, { count: 1, attempts: 20, spread: i }, acknowledged, refusals);
          if (refusals.slice(before).includes('auction_ended')) return;
        }
      }),
    );

    const ended = await waitFor(async () => {
      const a = (await call<AuctionBody & { endedAt: string | null }>('GET', `/v1/auctions/${auction.id}`)).body;
      return a.status !== 'active' ? a : null;
    });
    const finalEnd = Date.parse(ended.endsAt);
    const visible = checkLog(await bidRows(runtime, auction.id), acknowledged);
    for (const row of await bidRows(runtime, auction.id)) expect(row.created_at.getTime()).toBeLessThan(finalEnd);
    for (const ack of acknowledged) expect(Date.parse(ack.createdAt)).toBeLessThan(finalEnd);
    expect(Date.parse(ended.endedAt!)).toBeGreaterThanOrEqual(finalEnd);
    expect(ended.status).toBe('awaiting_payment');
    expect(ended.winnerId).toBe(visible.at(-1)!.bidder_id);
    expect((await eventTypes(runtime, auction.id)).filter((t) => t === 'ended')).toHaveLength(1);
    const windows = await runtime.ctx.pool.query(
      'select winner_id from auctions.payment_windows where auction_id = $1',
      [auction.id],
    );
    expect(windows.rows).toEqual([{ winner_id: ended.winnerId }]);
    const afterEnd = await call<ErrorBody>('POST', `/v1/auctions/${auction.id}/bids`, {
      token: bidders[0]!.accessToken,
      body: { amountMinor: 10_000_000 },
    });
    expect(afterEnd.status).toBe(409);
    expect(afterEnd.body.error.code).toBe('auction_ended');
    expect(new Set(refusals)).toEqual(
      new Set(refusals.filter((c) => ['bid_too_low', 'already_leading', 'auction_ended'].includes(c))),
    );
    console.log(
      `race: ${acknowledged.length} bids accepted; ${refusals.filter((c) => c === 'auction_ended').length} refused as ended`,
    );
  });
});

describe('bids that arrive together on one auction', () => {
  let runtime: Runtime;
  let api: Api;
  let call: ReturnType<typeof httpClient>;
  beforeAll(async () => {
    ({ runtime, api } = await startAuctionServer({ env: { DATABASE_POOL_SIZE: '20' } }));
    call = await listen(runtime);
  });
  afterAll(async () => runtime.stop());

  /** A bid over the socket, under a key of its own unless one is given. */
  const send = (auctionId: string, who: Session, amountMinor: number, idempotencyKey: string = randomUUID()) =>
    call<BidAnswer & ErrorBody>('POST', `/v1/auctions/${auctionId}/bids`, {
      token: who.accessToken,
      body: { amountMinor },
      headers: { 'idempotency-key': idempotencyKey },
    });

  /** A maker and an auction running on one of their stories. */
  async function makerWithAuction(prefix: string): Promise<{ maker: Session; auction: AuctionBody }> {
    const maker = await signInMaker(api, `${prefix}-maker`);
    const storyId = await publishedStory(runtime, api, maker);
    return { maker, auction: await openAuctionWith(api, storyId, await signIn(api, `${prefix}-opener`)) };
  }

  it('read the auction once, together, and each is answered by its own bidder’s standing', async () => {
    const { maker, auction } = await makerWithAuction('together');
    const [plain, blocked, struck, low, repeat] = await Promise.all(
      ['plain', 'blocked', 'struck', 'low', 'repeat'].map((who) => signIn(api, `together-${who}`)),
    );
    await api.call('PUT', `/v1/users/${blocked!.userId}/block`, { token: maker.accessToken });
    for (let i = 0; i < 3; i++) {
      await runtime.ctx.pool.query(
        'insert into auctions.strikes (user_id, window_id, created_at) values ($1, gen_random_uuid(), now())',
        [struck!.userId],
      );
    }
    const key = randomUUID();
    const first = await bid(api, auction.id, repeat!, auction.minNextBidMinor!, { key });
    expect(first.status).toBe(201);
    const minimum = first.body.auction.minNextBidMinor!;

    // The first read is held in flight, so the bids that arrive meanwhile are read together next.
    const reads = holdFirstBidRead(runtime, 1500);
    const answers = await Promise.all([
      send(auction.id, plain!, minimum),
      send(auction.id, blocked!, minimum + 100),
      send(auction.id, struck!, minimum + 200),
      send(auction.id, low!, minimum - 1),
      send(auction.id, repeat!, auction.minNextBidMinor!, key),
      send(auction.id, maker, minimum + 300),
    ]).finally(() => reads.stop());

    expect(answers.map((a) => [a.status, a.status === 201 ? 'placed' : a.body.error.code])).toEqual([
      [201, 'placed'],
      [403, 'blocked_by_maker'],
      [403, 'bidder_blocked'],
      [422, 'bid_too_low'],
      [201, 'placed'],
      [403, 'maker_cannot_bid'],
    ]);
    expect(answers[4].body.bid.id).toBe(first.body.bid.id);
    expect(answers[3].body.error.details).toEqual({ minNextBidMinor: minimum });
    // Six bids, two reads: the one held, and one for the five that arrived while it was in flight.
    expect(reads.count).toBeLessThanOrEqual(3);
  });

  it('take turns to write when several may win: the next is decided on what the first committed, with no second read', async () => {
    const { auction } = await makerWithAuction('turns');
    const [early, one, other] = await Promise.all(['early', 'one', 'other'].map((who) => signIn(api, `turns-${who}`)));
    const minimum = auction.minNextBidMinor!;

    // A refused bid's read is held; the two that may win arrive meanwhile and are read together.
    const reads = holdFirstBidRead(runtime, 1500);
    const held = send(auction.id, early!, minimum - 1);
    await sleep(300);
    const answers = await Promise.all([
      send(auction.id, one!, minimum),
      send(auction.id, other!, minimum + 50),
    ]).finally(() => reads.stop());
    expect((await held).body.error.code).toBe('bid_too_low');

    // Whichever wrote first won; the other was then too low, decided on the state the winner committed.
    const [won, lost] = answers[0].status === 201 ? answers : [answers[1], answers[0]];
    expect([won.status, lost.status]).toEqual([201, 422]);
    expect(lost.body.error).toMatchObject({
      code: 'bid_too_low',
      details: { minNextBidMinor: won.body.auction.minNextBidMinor },
    });
    // Two reads: the held one, then the two together. The loser did not read again.
    expect(reads.count).toBe(2);
  });
});

describe('bids from two processes on one auction', () => {
  let one: Runtime;
  let other: Runtime;
  let api: Api;
  beforeAll(async () => {
    ({ runtime: one, api } = await startAuctionServer());
    // A second API process on the same database: its bids take no turns with the first's.
    other = (await startAuctionServer({ databaseUrl: one.ctx.config.DATABASE_URL, env: { ROLES: 'api' } })).runtime;
  });
  afterAll(async () => {
    await other?.stop();
    await one?.stop();
  });

  it('a bid overtaken by the other process between its read and its write rolls back whole, reads again and stands on the new state', async () => {
    const [callOne, callOther] = [await listen(one), await listen(other)];
    const maker = await signInMaker(api, 'two-maker');
    const storyId = await publishedStory(one, api, maker);
    const auction = await openAuctionWith(api, storyId, await signIn(api, 'two-opener'), 10_000);
    const [late, early] = await Promise.all([signIn(api, 'two-late'), signIn(api, 'two-early')]);
    const eventsBefore = (await eventTypes(one, auction.id)).length;

    // The late bid's read is answered, then held while the other process commits a bid.
    const reads = holdFirstBidRead(one, 1500, 'answer');
    const lateBid = callOne<BidAnswer & ErrorBody>('POST', `/v1/auctions/${auction.id}/bids`, {
      token: late.accessToken,
      body: { amountMinor: auction.minNextBidMinor! + 5_000 },
      headers: { 'idempotency-key': randomUUID() },
    });
    await waitFor(async () => reads.count === 1);
    const earlyBid = await callOther<BidAnswer>('POST', `/v1/auctions/${auction.id}/bids`, {
      token: early.accessToken,
      body: { amountMinor: auction.minNextBidMinor! },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(earlyBid.status).toBe(201);
    const answer = await lateBid.finally(() => reads.stop());

    // Its write found the sequence it decided on taken: nothing of it stayed, and it read again.
    expect(answer.status).toBe(201);
    expect(reads.count).toBe(2);
    const rows = checkLog(await bidRows(one, auction.id), [earlyBid.body.bid, answer.body.bid]);
    expect(rows.map((r) => r.id).slice(-2)).toEqual([earlyBid.body.bid.id, answer.body.bid.id]);
    expect(answer.body.auction).toMatchObject({ highBidMinor: auction.minNextBidMinor! + 5_000, bidCount: 3 });
    // Each accepted bid's events once: placed and the outbid it caused.
    expect((await eventTypes(one, auction.id)).slice(eventsBefore)).toEqual([
      'bid_placed',
      'outbid',
      'bid_placed',
      'outbid',
    ]);
  });
});

/**
 * Counts the auction reads (the read every bid starts with: the auction with its maximums) sent
 * on the server's pool, holding the first in flight for `ms` — before it is sent, or (`answer`)
 * after it was answered, so that what it read may change meanwhile — until `stop`.
 */
function holdFirstBidRead(
  runtime: Runtime,
  ms: number,
  hold: 'request' | 'answer' = 'request',
): { count: number; stop(): void } {
  const reads = { count: 0, stop: () => spy.stop() };
  const spy = spyOnPool(runtime.ctx.pool, (text, send) => {
    if (text === undefined || !text.includes("'bidderId', m.bidder_id")) return send();
    reads.count++;
    if (reads.count > 1) return send();
    return hold === 'request' ? sleep(ms).then(send) : send().then((answer) => sleep(ms).then(() => answer));
  });
  return reads;
}
