import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import type { Session } from '../../../test/client';
import {
  bid,
  enrolTotp,
  FAST_ENV,
  fireTimer,
  openAuctionWith,
  publishedStory,
  signIn,
  signInMaker,
  startAuctionServer,
  type Api,
  type AuctionBody,
  type ErrorBody,
} from './test-support';

type View = AuctionBody & { makerActions: string[] };

const clock = new ManualClock(Date.now());
let runtime: Runtime;
let api: Api;
let maker: Session;

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer({ clock, env: { ...FAST_ENV, ACCESS_TOKEN_SECONDS: '10000000' } }));
  maker = await signInMaker(api, 'actions-maker');
  await enrolTotp(runtime, api, maker);
});
afterAll(async () => runtime.stop());

const view = async (id: string, who?: Session) =>
  (await api.call<View>('GET', `/v1/auctions/${id}`, who ? { token: who.accessToken } : {})).body;
const post = (path: string, who: Session) => api.call<View & ErrorBody>('POST', path, { token: who.accessToken });

async function endNow(auctionId: string): Promise<void> {
  clock.set(Date.parse((await view(auctionId)).endsAt));
  await fireTimer(runtime, `auction-end:${auctionId}`);
}

describe("the maker's possible decisions on the auction view", () => {
  it('while bidding: accepting the leading bid, shown to the maker alone', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const bidder = await signIn(api, 'actions-live');
    const auction = await openAuctionWith(api, storyId, bidder, 10_000);
    expect((await view(auction.id, maker)).makerActions).toEqual(['accept']);
    expect((await view(auction.id, bidder)).makerActions).toEqual([]);
    expect((await view(auction.id)).makerActions).toEqual([]);
  });

  it('reserve not met: accept until the decision deadline, relist before and after it', async () => {
    const storyId = await publishedStory(runtime, api, maker, { reserveMinor: 50_000 });
    const bidder = await signIn(api, 'actions-rnm');
    const auction = await openAuctionWith(api, storyId, bidder, 10_000);
    await endNow(auction.id);
    const ended = await view(auction.id, maker);
    expect(ended).toMatchObject({ status: 'ended', makerActions: ['accept', 'relist'] });

    clock.set(Date.parse(ended.makerDecisionDeadline!) + 1000);
    // The deadline has passed but the lapse timer has not run: accepting is refused, so not offered.
    expect((await view(auction.id, maker)).makerActions).toEqual(['relist']);
    expect((await post(`/v1/auctions/${auction.id}/accept`, maker)).body.error.code).toBe('decision_window_closed');

    await fireTimer(runtime, `auction-lapse:${auction.id}`);
    expect(await view(auction.id, maker)).toMatchObject({ status: 'lapsed', makerActions: ['relist'] });
    expect((await post(`/v1/auctions/${auction.id}/relist`, maker)).status).toBe(200);
    // The story is free again: nothing is left to decide on this auction.
    expect((await view(auction.id, maker)).makerActions).toEqual([]);
    expect((await api.call('GET', `/v1/stories/${storyId}/auction`)).status).toBe(404);
  });

  it('an unpaid window: second chance while another bidder is left, relist always', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const [a, b] = [await signIn(api, 'actions-a'), await signIn(api, 'actions-b')];
    const auction = await openAuctionWith(api, storyId, a, 10_000);
    await bid(api, auction.id, b, 11_000);
    await endNow(auction.id);
    const awaiting = await view(auction.id, maker);
    expect(awaiting).toMatchObject({ status: 'awaiting_payment', makerActions: [] });

    const first = await api.call<{ id: string; expiresAt: string }>('GET', `/v1/auctions/${auction.id}/payment`, {
      token: b.accessToken,
    });
    clock.set(Date.parse(first.body.expiresAt));
    await fireTimer(runtime, `payment-expiry:${first.body.id}`);
    expect(await view(auction.id, maker)).toMatchObject({
      status: 'payment_expired',
      makerActions: ['second_chance', 'relist'],
    });

    expect((await post(`/v1/auctions/${auction.id}/second-chance`, maker)).status).toBe(200);
    const second = await api.call<{ id: string; expiresAt: string }>('GET', `/v1/auctions/${auction.id}/payment`, {
      token: a.accessToken,
    });
    clock.set(Date.parse(second.body.expiresAt));
    await fireTimer(runtime, `payment-expiry:${second.body.id}`);
    // Both bidders have had their window: no second chance is left to offer.
    expect((await view(auction.id, maker)).makerActions).toEqual(['relist']);
    expect((await post(`/v1/auctions/${auction.id}/second-chance`, maker)).body.error.code).toBe(
      'no_second_chance_bidder',
    );
  });
});
