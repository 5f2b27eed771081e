import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { ManualClock } from '../../platform/clock';
import {
  bid,
  fireTimer,
  FAST_ENV,
  openAuctionWith,
  publishedStory,
  signIn,
  signInMaker,
  startAuctionServer,
  type Api,
} from './test-support';

const clock = new ManualClock(Date.now());
let runtime: Runtime;
let api: Api;

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer({ env: { ...FAST_ENV, ACCESS_TOKEN_SECONDS: '1000000' }, clock }));
});
afterAll(async () => {
  await runtime.stop();
});

interface BidItem {
  auctionId: string;
  storyId: string;
  title: string;
  status: string;
  highBidMinor: number | null;
  currency: string;
  endsAt: string;
  myHighestBidMinor: number;
  myMaxMinor: number;
  standing: 'leading' | 'outbid' | 'won' | 'lost';
  paymentDueAt: string | null;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
const myBids = (token: string, query = '') =>
  api.call<Page<BidItem> & { error?: { code: string } }>('GET', `/v1/me/bids${query}`, { token });
const myOffers = (token: string, query = '') =>
  api.call<Page<{ id: string; storyId: string; amountMinor: number; currency: string; status: string; title: string }>>(
    'GET',
    `/v1/me/offers${query}`,
    { token },
  );

describe('my activity', () => {
  it('lists the auctions I bid on with my standing, my highest bid and my maximum, then won or lost', async () => {
    const maker = await signInMaker(api, 'activity-maker');
    const storyId = await publishedStory(runtime, api, maker);
    const opener = await signIn(api, 'activity-opener');
    const rival = await signIn(api, 'activity-rival');
    const auction = await openAuctionWith(api, storyId, opener, 10_000);
    clock.advance(1000);
    expect((await bid(api, auction.id, rival, 10_600, { maxAmountMinor: 20_000 })).status).toBe(201);

    const openerView = (await myBids(opener.accessToken)).body.items;
    expect(openerView).toEqual([
      expect.objectContaining({
        auctionId: auction.id,
        storyId,
        title: 'A walnut bowl',
        status: 'active',
        highBidMinor: 10_600,
        currency: 'USD',
        myHighestBidMinor: 10_000,
        myMaxMinor: 10_000,
        standing: 'outbid',
        paymentDueAt: null,
      }),
    ]);
    const rivalView = (await myBids(rival.accessToken)).body.items;
    expect(rivalView).toEqual([
      expect.objectContaining({ myHighestBidMinor: 10_600, myMaxMinor: 20_000, standing: 'leading' }),
    ]);

    clock.set(Date.parse(auction.endsAt));
    await fireTimer(runtime, `auction-end:${auction.id}`);
    const won = (await myBids(rival.accessToken)).body.items[0]!;
    expect(won).toMatchObject({ status: 'awaiting_payment', standing: 'won' });
    expect(won.paymentDueAt).not.toBeNull();
    expect((await myBids(opener.accessToken)).body.items[0]).toMatchObject({ standing: 'lost', paymentDueAt: null });
    // Nobody else's activity shows up.
    expect((await myBids((await signIn(api, 'activity-nobody')).accessToken)).body).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('pages bids by my latest bid and lists my offers with their state, newest first', async () => {
    const maker = await signInMaker(api, 'activity-pager');
    const buyer = await signIn(api, 'activity-buyer');
    const opened = [];
    for (let i = 0; i < 3; i++) {
      const storyId = await publishedStory(runtime, api, maker);
      clock.advance(1000);
      opened.push((await openAuctionWith(api, storyId, buyer, 10_000)).id);
    }
    const held = await publishedStory(runtime, api, maker, { autoRejectBelowMin: false });
    clock.advance(1000);
    const pending = await api.call<{ offer: { id: string } }>('POST', `/v1/stories/${held}/offers`, {
      token: buyer.accessToken,
      body: { amountMinor: 5_000 },
    });
    expect(pending.status).toBe(201);

    const first = await myBids(buyer.accessToken, '?limit=2');
    expect(first.body.items.map((i) => i.auctionId)).toEqual([opened[2], opened[1]]);
    const rest = await myBids(buyer.accessToken, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(rest.body.items.map((i) => i.auctionId)).toEqual([opened[0]]);
    expect(rest.body.nextCursor).toBeNull();

    const offers = await myOffers(buyer.accessToken, '?limit=3');
    expect(offers.status).toBe(200);
    expect(offers.body.items[0]).toMatchObject({
      id: pending.body.offer.id,
      storyId: held,
      amountMinor: 5_000,
      currency: 'USD',
      status: 'pending',
      title: 'A walnut bowl',
    });
    expect(offers.body.items.slice(1).map((o) => o.status)).toEqual(['opened_auction', 'opened_auction']);
    const more = await myOffers(buyer.accessToken, `?limit=3&cursor=${offers.body.nextCursor}`);
    expect(more.body.items).toHaveLength(1);
    expect(more.body.nextCursor).toBeNull();

    expect((await api.call('GET', '/v1/me/bids')).status).toBe(401);
    const bad = await myBids(buyer.accessToken, '?cursor=bogus');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('invalid_cursor');
  });
});
