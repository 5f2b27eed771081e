import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import type { Session } from '../../../test/client';
import {
  bid,
  eventTypes,
  FAST_ENV,
  openAuctionWith,
  pendingJob,
  publishedStory,
  signIn,
  signInMaker,
  startAuctionServer,
  type Api,
  type AuctionBody,
  type ErrorBody,
} from './test-support';

interface PublicBid {
  id: string;
  bidderId: string;
  bidderAlias: string;
  amountMinor: number;
  kind: string;
  sequence: number;
  voided: boolean;
}

const clock = new ManualClock(Date.now());
let runtime: Runtime;
let api: Api;
let maker: Session;
let admin: Session;

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer({
    clock,
    env: { ...FAST_ENV, ADMIN_EMAILS: 'auction-admin@example.com', ACCESS_TOKEN_SECONDS: '10000000' },
  }));
  maker = await signInMaker(api, 'maker');
  admin = await api.signInAdmin('auction-admin@example.com', { remoteAddress: '10.99.0.1' });
});
afterAll(async () => runtime.stop());

const getAuction = (id: string, who?: Session) =>
  api.call<AuctionBody>('GET', `/v1/auctions/${id}`, who ? { token: who.accessToken } : {});
const listBids = async (id: string) =>
  (await api.call<{ items: PublicBid[] }>('GET', `/v1/auctions/${id}/bids`)).body.items;

describe('bidding rules over HTTP', () => {
  it('asks at least the minimum next bid (100.00 → 106.00) and refuses the maker and bad maximums', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const auction = await openAuctionWith(api, storyId, await signIn(api, 'opener'), 10_000);
    const bidder = await signIn(api, 'bidder');

    const low = await bid(api, auction.id, bidder, 10_599);
    expect(low.status).toBe(422);
    expect(low.body.error).toMatchObject({ code: 'bid_too_low', details: { minNextBidMinor: 10_600 } });
    const own = await bid(api, auction.id, maker, 20_000);
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('maker_cannot_bid');
    const badMax = await bid(api, auction.id, bidder, 11_000, { maxAmountMinor: 10_900 });
    expect(badMax.status).toBe(422);
    expect(badMax.body.error.code).toBe('max_below_amount');
    const anonymous = await api.call('POST', `/v1/auctions/${auction.id}/bids`, { body: { amountMinor: 20_000 } });
    expect(anonymous.status).toBe(401);

    const ok = await bid(api, auction.id, bidder, 10_600);
    expect(ok.status).toBe(201);
    expect(ok.body.bid).toMatchObject({ kind: 'bid', amountMinor: 10_600, sequence: 2 });
    expect(ok.body.auction).toMatchObject({
      highBidMinor: 10_600,
      leaderId: bidder.userId,
      isLeading: true,
      bidCount: 2,
    });
    // 106.00 × 1.01 = 107.06 → rounded up to 108 → plus 5 = 113.00
    expect(ok.body.auction.minNextBidMinor).toBe(11_300);
  });

  it('bids for a bidder up to their maximum, keeps maximums private, and lets the leader raise theirs silently', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const [a, b, c, d] = [
      await signIn(api, 'a'),
      await signIn(api, 'b'),
      await signIn(api, 'c'),
      await signIn(api, 'd'),
    ];
    const auction = await openAuctionWith(api, storyId, a, 10_000);

    const bProxy = await bid(api, auction.id, b, 10_600, { maxAmountMinor: 20_000 });
    expect(bProxy.body.auction).toMatchObject({ highBidMinor: 10_600, leaderId: b.userId, myMaxAmountMinor: 20_000 });

    // C's 120.00 meets B's proxy, which answers with one increment over it: 120 × 1.01 → 122 + 5 = 127.00.
    const cBid = await bid(api, auction.id, c, 12_000);
    expect(cBid.status).toBe(201);
    expect(cBid.body.auction).toMatchObject({ highBidMinor: 12_700, leaderId: b.userId, isLeading: false });
    expect((await getAuction(auction.id, b)).body.myMaxAmountMinor).toBe(20_000);
    expect((await getAuction(auction.id, c)).body.myMaxAmountMinor).toBe(12_000);
    expect((await getAuction(auction.id)).body.myMaxAmountMinor).toBeNull();
    const shown = await listBids(auction.id);
    expect(shown.map((x) => [x.bidderAlias, x.kind, x.amountMinor])).toEqual([
      ['Bidder 1', 'opening', 10_000],
      ['Bidder 2', 'bid', 10_600],
      ['Bidder 3', 'bid', 12_000],
      ['Bidder 2', 'proxy', 12_700],
    ]);
    expect(JSON.stringify(shown)).not.toContain('20000');

    // The leader raises their maximum: no bid against themselves, nothing shown, the price stays.
    const raise = await bid(api, auction.id, b, 12_800, { maxAmountMinor: 30_000 });
    expect(raise.status).toBe(201);
    expect(raise.body.bid.kind).toBe('max_raise');
    expect(raise.body.auction).toMatchObject({ highBidMinor: 12_700, myMaxAmountMinor: 30_000, bidCount: 4 });
    expect(await listBids(auction.id)).toHaveLength(4);
    const again = await bid(api, auction.id, b, 12_800, { maxAmountMinor: 25_000 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_leading');

    // Equal maximums: the earlier one leads.
    const dBid = await bid(api, auction.id, d, 30_000, { maxAmountMinor: 30_000 });
    expect(dBid.body.auction).toMatchObject({ highBidMinor: 30_000, leaderId: b.userId });
    const amounts = (await listBids(auction.id)).map((x) => x.amountMinor);
    expect(amounts).toEqual([...amounts].sort((x, y) => x - y));
    expect(new Set(amounts).size).toBe(amounts.length);
  });

  it('moves the end on a bid in the last minutes (soft close), re-arming the end timer, and takes nothing at or after the end', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const auction = await openAuctionWith(api, storyId, await signIn(api, 'soft-a'), 10_000);
    const b = await signIn(api, 'soft-b');
    const endsAt = Date.parse(auction.endsAt);
    expect((await pendingJob(runtime, `auction-end:${auction.id}`))?.runAt.getTime()).toBe(endsAt);

    clock.set(endsAt - 20 * 60_000);
    const early = await bid(api, auction.id, b, 10_600);
    expect(Date.parse(early.body.auction.endsAt)).toBe(endsAt);

    clock.set(endsAt - 5 * 60_000);
    const late = await bid(api, auction.id, await signIn(api, 'soft-c'), 11_300);
    const extended = clock.now().getTime() + 10 * 60_000;
    expect(Date.parse(late.body.auction.endsAt)).toBe(extended);
    expect((await pendingJob(runtime, `auction-end:${auction.id}`))?.runAt.getTime()).toBe(extended);
    expect(await eventTypes(runtime, auction.id)).toContain('extended');

    clock.set(extended);
    const tooLate = await bid(api, auction.id, b, 20_000);
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.error.code).toBe('auction_ended');
    clock.set(Date.now());
  });

  it('shows only whether the hidden reserve is met', async () => {
    const storyId = await publishedStory(runtime, api, maker, { reserveMinor: 14_500 });
    const auction = await openAuctionWith(api, storyId, await signIn(api, 'res-a'), 10_000);
    expect(auction).toMatchObject({ reserveMet: false, hasReserve: true });
    const b = await signIn(api, 'res-b');
    expect((await bid(api, auction.id, b, 12_000)).body.auction.reserveMet).toBe(false);
    const met = await bid(api, auction.id, await signIn(api, 'res-c'), 15_000);
    expect(met.body.auction.reserveMet).toBe(true);
    expect(JSON.stringify((await getAuction(auction.id)).body)).not.toContain('14500');
    expect(await eventTypes(runtime, auction.id)).toContain('reserve_met');
  });

  it('blocks users with three non-payment strikes from bidding and offering', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const auction = await openAuctionWith(api, storyId, await signIn(api, 'str-a'), 10_000);
    const striker = await signIn(api, 'striker');
    for (let i = 0; i < 3; i++) {
      await runtime.ctx.pool.query(
        'insert into auctions.strikes (user_id, window_id, created_at) values ($1, gen_random_uuid(), now())',
        [striker.userId],
      );
    }
    const refused = await bid(api, auction.id, striker, 20_000);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('bidder_blocked');
    const other = await publishedStory(runtime, api, maker);
    const offer = await api.call<ErrorBody>('POST', `/v1/stories/${other}/offers`, {
      token: striker.accessToken,
      body: { amountMinor: 20_000 },
    });
    expect(offer.status).toBe(403);
    expect(offer.body.error.code).toBe('bidder_blocked');
  });

  it('honours Idempotency-Key on bids: same key and body → the first answer and one bid; another body → 422', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const auction = await openAuctionWith(api, storyId, await signIn(api, 'idem-a'), 10_000);
    const b = await signIn(api, 'idem-b');
    const first = await bid(api, auction.id, b, 10_600, { key: 'bid-key-000001' });
    // Someone else bids in between: the replay still answers with the first answer.
    await bid(api, auction.id, await signIn(api, 'idem-c'), 11_300);
    const replay = await bid(api, auction.id, b, 10_600, { key: 'bid-key-000001' });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    const reused = await bid(api, auction.id, b, 12_000, { key: 'bid-key-000001' });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
    const mine = (await listBids(auction.id)).filter((x) => x.bidderId === b.userId);
    expect(mine).toHaveLength(1);
  });

  it('places one bid for concurrent requests under one key, and answers each of them with it', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const auction = await openAuctionWith(api, storyId, await signIn(api, 'dup-a'), 10_000);
    const b = await signIn(api, 'dup-b');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => bid(api, auction.id, b, 10_600, { key: 'dup-key-000001' })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
    expect((await listBids(auction.id)).filter((x) => x.bidderId === b.userId)).toHaveLength(1);
  });

  it('records a lost bid’s refusal under its key, so the same request gets that first answer again, even once it could win', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const auction = await openAuctionWith(api, storyId, await signIn(api, 'race-a'), 10_000);
    const b = await signIn(api, 'race-b');
    const fraud = await bid(api, auction.id, await signIn(api, 'race-c'), 10_600);
    const keyRows = () =>
      runtime.ctx.pool.query<{ status_code: number }>(
        'select status_code from platform.idempotency_keys where user_id = $1 and key = $2',
        [b.userId, 'race-key-000001'],
      );

    const lost = await bid(api, auction.id, b, 10_600, { key: 'race-key-000001' });
    expect(lost.status).toBe(422);
    expect(lost.body.error).toMatchObject({ code: 'bid_too_low', details: { minNextBidMinor: 11_300 } });
    expect((await keyRows()).rows).toEqual([{ status_code: 422 }]);
    // The bid that outbid it is voided: 10,600 would now lead, yet the same request gets its first answer.
    const voided = await api.call('POST', `/v1/admin/auctions/${auction.id}/bids/${fraud.body.bid.id}/void`, {
      token: admin.accessToken,
      body: { reason: 'shill bidding' },
    });
    expect(voided.status).toBe(200);
    const again = await bid(api, auction.id, b, 10_600, { key: 'race-key-000001' });
    expect(again.status).toBe(422);
    expect(again.body).toEqual(lost.body);
    // Under a new key the same bid is decided afresh, and wins.
    const won = await bid(api, auction.id, b, 10_600, { key: 'race-key-000002' });
    expect(won.status).toBe(201);
    expect((await bid(api, auction.id, b, 10_600, { key: 'race-key-000002' })).body).toEqual(won.body);
  });
});

describe('admin void', () => {
  it('voids a fraudulent bid, recomputes the lead from the remaining bids, flags history and audits it', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const [a, b, c] = [await signIn(api, 'v-a'), await signIn(api, 'v-b'), await signIn(api, 'v-c')];
    const auction = await openAuctionWith(api, storyId, a, 10_000);
    const fraud = await bid(api, auction.id, b, 10_600, { maxAmountMinor: 30_000 });
    const honest = await bid(api, auction.id, c, 15_000);
    expect(honest.body.auction).toMatchObject({ leaderId: b.userId, highBidMinor: 15_700 });

    const path = `/v1/admin/auctions/${auction.id}/bids/${fraud.body.bid.id}/void`;
    expect((await api.call('POST', path, { token: c.accessToken, body: { reason: 'shill bidding' } })).status).toBe(
      403,
    );
    const voided = await api.call<AuctionBody>('POST', path, {
      token: admin.accessToken,
      body: { reason: 'shill bidding' },
    });
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ leaderId: c.userId, highBidMinor: 15_000, bidCount: 2 });
    const history = await listBids(auction.id);
    expect(history.filter((x) => x.bidderId === b.userId).every((x) => x.voided)).toBe(true);
    expect(history.filter((x) => !x.voided).map((x) => x.amountMinor)).toEqual([10_000, 15_000]);
    const audit = await runtime.ctx.pool.query(
      'select actor_id, action, reason from platform.audit_log where target_type = $1 and target_id = $2',
      ['bid', fraud.body.bid.id],
    );
    expect(audit.rows).toEqual([{ actor_id: admin.userId, action: 'auction.bid_voided', reason: 'shill bidding' }]);
    // Voiding again changes nothing.
    const twice = await api.call<AuctionBody>('POST', path, { token: admin.accessToken, body: { reason: 'again' } });
    expect(twice.body.version).toBe(voided.body.version);
  });
});

describe('admin take-down of a story', () => {
  it('cancels the auction running on it, in the same transaction', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const auction = await openAuctionWith(api, storyId, await signIn(api, 'down-a'), 10_000);
    const res = await api.call('POST', `/v1/admin/stories/${storyId}/unpublish`, {
      token: admin.accessToken,
      body: { reason: 'counterfeit' },
    });
    expect(res.status).toBe(200);
    expect((await getAuction(auction.id)).body.status).toBe('cancelled');
    expect(await eventTypes(runtime, auction.id)).toContain('cancelled');
    const late = await bid(api, auction.id, await signIn(api, 'down-b'), 20_000);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('auction_not_active');
    expect(await pendingJob(runtime, `auction-end:${auction.id}`)).toBeNull();
  });
});

it('counts accepted and refused bids by code in /metrics', async () => {
  const text = (await api.call<string>('GET', '/metrics')).body;
  expect(text).toMatch(/bids_accepted_total \d+/);
  expect(text).toMatch(/bids_refused_total\{code="bid_too_low"\} \d+/);
});
