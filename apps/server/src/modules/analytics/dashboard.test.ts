import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/client';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import {
  bid,
  openAuctionWith,
  publishedStory,
  signIn,
  signInMaker,
  startAuctionServer,
  type Api,
  type AuctionBody,
} from '../auctions/test-support';
import { addDays, utcDay } from './days';
import type { Dashboard } from './schemas';
import { buyNow, buyNowStory, makerWithTotp, sessionIdOf } from '../payments/test-support';
import { freeShipping } from '../stories/test-support';

// Real time to start with: sessions and payment signatures are checked against it.
const clock = new ManualClock(Date.now());
const D1 = utcDay(clock.now());
const D2 = addDays(D1, 1);
let runtime: Runtime;
let api: Api;
let makerA: Session;
let makerB: Session;
let viewer: Session;
let storyA: string;
let storyB: string;
let soldStory: string;
let auction: AuctionBody;

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer({ clock, env: { ACCESS_TOKEN_SECONDS: '10000000' } }));
  makerA = await makerWithTotp(runtime, api, 'dash-maker-a');
  makerB = await signInMaker(api, 'dash-maker-b');
  viewer = await signIn(api, 'dash-viewer');
  storyA = await publishedStory(runtime, api, makerA);
  storyB = await publishedStory(runtime, api, makerB);
  soldStory = await buyNowStory(runtime, api, makerA, 25_000, 'A sold bowl');
  // A draft is not a listing.
  await api.call('POST', '/v1/stories', {
    token: makerA.accessToken,
    body: {
      title: 'Unfinished',
      category: 'woodwork',
      offerPolicy: { minOfferMinor: 10_000, currency: 'USD', autoRejectBelowMin: true },
      shipping: freeShipping,
    },
  });
});
afterAll(async () => runtime.stop());

const send = (events: unknown[], who: { token?: string; clientId?: string }) =>
  api.call('POST', '/v1/analytics/events', {
    body: { events },
    ...(who.token ? { token: who.token } : {}),
    ...(who.clientId ? { headers: { 'x-client-id': who.clientId } } : {}),
  });

const dashboardOf = async (maker: Session, query = '') => {
  const res = await api.call<Dashboard>('GET', `/v1/makers/me/dashboard${query}`, { token: maker.accessToken });
  expect(res.status).toBe(200);
  return res.body;
};

describe('GET /v1/makers/me/dashboard', () => {
  it('shows events, offers, bids, sales and fulfilment the moment they happen (live for today)', async () => {
    const anonymous = randomUUID();
    expect((await dashboardOf(makerA)).funnel).toEqual({ views: 0, offers: 0, bids: 0 });
    await send(
      [
        { type: 'story_view', storyId: storyA },
        { type: 'story_view', storyId: storyA },
        { type: 'like', storyId: storyA },
      ],
      { token: viewer.accessToken },
    );
    await send([{ type: 'story_view', storyId: storyA }], { clientId: anonymous });
    await send(
      Array.from({ length: 5 }, () => ({ type: 'story_view', storyId: storyB })),
      { clientId: anonymous },
    );
    auction = await openAuctionWith(api, storyA, await signIn(api, 'dash-opener'), 10_000);
    const raised = await bid(api, auction.id, await signIn(api, 'dash-bidder'), 12_000);
    expect(raised.status).toBe(201);
    const window = await buyNow(api, viewer, soldStory, 'FR');
    const paid = await api.call('POST', `/v1/payments/local/${sessionIdOf(window.checkoutUrl!)}/complete`, {
      body: {
        outcome: 'succeeded',
        shipping: { name: 'Ada Buyer', line1: '1 Long Lane', city: 'Lyon', postalCode: '69001', country: 'FR' },
      },
    });
    expect(paid.status).toBe(200);
    const payments = await runtime.ctx.pool.query<{ user_id: string; maker_id: string; amount_minor: number }>(
      `select user_id, maker_id, amount_minor from analytics.events where type = 'payment' and story_id = $1`,
      [soldStory],
    );
    expect(payments.rows).toEqual([{ user_id: viewer.userId, maker_id: makerA.userId, amount_minor: 25_000 }]);

    const current = (await api.call<AuctionBody>('GET', `/v1/auctions/${auction.id}`)).body;
    const dash = await dashboardOf(makerA);
    expect(dash.activeListings.map((l) => l.storyId).sort()).toEqual([storyA, soldStory].sort());
    expect(dash.activeListings.find((l) => l.storyId === storyA)).toEqual({
      storyId: storyA,
      title: 'A walnut bowl',
      publishedAt: expect.any(String) as string,
      auction: {
        state: 'active',
        highBidMinor: current.highBidMinor,
        currency: 'USD',
        endsAt: current.endsAt,
        reserveMet: current.reserveMet,
        bidCount: current.bidCount,
      },
      views: 3,
      likes: 1,
    });
    expect(dash.funnel).toEqual({ views: 3, offers: 1, bids: 1 });
    expect(dash.revenueByDay).toEqual([{ day: D1, amountMinor: 25_000, currency: 'USD' }]);
    expect({ toShip: dash.toShip, overdue: dash.overdue }).toEqual({ toShip: 1, overdue: 0 });
    expect(dash.period).toEqual({ from: addDays(D1, -29), to: D1 });
  });

  it('shows a maker only their own stories and figures', async () => {
    const dash = await dashboardOf(makerB);
    expect(dash.activeListings.map((l) => l.storyId)).toEqual([storyB]);
    expect(dash.activeListings[0]).toMatchObject({ views: 5, likes: 0, auction: null });
    expect(dash.funnel).toEqual({ views: 5, offers: 0, bids: 0 });
    expect(dash.revenueByDay).toEqual([]);
    expect({ toShip: dash.toShip, overdue: dash.overdue }).toEqual({ toShip: 0, overdue: 0 });
    expect(JSON.stringify(dash)).not.toContain(storyA);
    expect(JSON.stringify(dash)).not.toContain(soldStory);
  });

  it('gives the same figures once past days are rolled up, adding today live on top', async () => {
    clock.set(new Date(`${D2}T00:02:00Z`));
    await runtime.modules.analytics.rollupDay(D1);
    const settled = await dashboardOf(makerA);
    const listingA = (d: Dashboard) => d.activeListings.find((l) => l.storyId === storyA);
    expect(listingA(settled)).toMatchObject({ views: 3, likes: 1 });
    expect(settled.funnel).toEqual({ views: 3, offers: 1, bids: 1 });

    await send([{ type: 'story_view', storyId: storyA }], { token: viewer.accessToken });
    await runtime.modules.analytics.rollupDay(D2); // today's rollup is never trusted: still read live
    await send([{ type: 'story_view', storyId: storyA }], { clientId: randomUUID() });
    const next = await dashboardOf(makerA);
    expect(listingA(next)).toMatchObject({ views: 5, likes: 1 });
    expect(next.funnel).toEqual({ views: 5, offers: 1, bids: 1 });
    expect(next.revenueByDay).toEqual([{ day: D1, amountMinor: 25_000, currency: 'USD' }]);

    const todayOnly = await dashboardOf(makerA, '?days=1');
    expect(todayOnly.funnel).toEqual({ views: 2, offers: 0, bids: 0 });
    expect(todayOnly.revenueByDay).toEqual([]);
    expect(listingA(todayOnly)).toMatchObject({ views: 5 });
  });

  it('is for makers only', async () => {
    expect((await api.call('GET', '/v1/makers/me/dashboard', { token: viewer.accessToken })).status).toBe(403);
    expect((await api.call('GET', '/v1/makers/me/dashboard')).status).toBe(401);
    expect((await api.call('GET', '/v1/makers/me/dashboard?days=0', { token: makerA.accessToken })).status).toBe(400);
  });
});
