import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import type { Session } from '../../../test/client';
import {
  email,
  FAST_ENV,
  fireTimer,
  publishedStory,
  signIn,
  signInMaker,
  startAuctionServer,
  type Api,
  type AuctionBody,
  type ErrorBody,
} from './test-support';

/** Ships from Portugal: at home, to Spain (priced apart), nowhere else. */
const IBERIA = {
  fromCountry: 'PT',
  options: [
    { region: 'domestic', amountMinor: 500, dispatchDays: 2 },
    { region: 'ES', amountMinor: 900, dispatchDays: 3 },
  ],
};
/** Ships from Portugal everywhere: cheaper at home. */
const WORLDWIDE = {
  fromCountry: 'PT',
  options: [
    { region: 'domestic', amountMinor: 500, dispatchDays: 2 },
    { region: 'international', amountMinor: 2_500, dispatchDays: 5 },
  ],
};

interface WindowBody {
  id: string;
  amountMinor: number;
  shippingMinor: number;
  shippingCountry: string | null;
}

const clock = new ManualClock(Date.now());
let runtime: Runtime;
let api: Api;
let maker: Session;

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer({ clock, env: { ...FAST_ENV, ACCESS_TOKEN_SECONDS: '10000000' } }));
  maker = await signInMaker(api, 'ship-maker');
});
afterAll(async () => runtime.stop());

const offer = (storyId: string, who: Session, body: Record<string, unknown>) =>
  api.call<{ auction: AuctionBody | null } & ErrorBody>('POST', `/v1/stories/${storyId}/offers`, {
    token: who.accessToken,
    body,
  });
const bid = (auctionId: string, who: Session, body: Record<string, unknown>) =>
  api.call<{ auction: AuctionBody } & ErrorBody>('POST', `/v1/auctions/${auctionId}/bids`, {
    token: who.accessToken,
    body,
  });
const buy = (storyId: string, who: Session, body?: Record<string, unknown>) =>
  api.call<{ paymentWindow: WindowBody } & ErrorBody>('POST', `/v1/stories/${storyId}/buy`, {
    token: who.accessToken,
    ...(body ? { body } : {}),
  });

describe('shipping on a story', () => {
  it('quotes the price for the viewer’s country, or null where the piece does not ship', async () => {
    const storyId = await publishedStory(runtime, api, maker, { shipping: IBERIA });
    const quote = async (country: string) =>
      (
        await api.call<{ shippingQuote?: { amountMinor: number; currency: string; dispatchDays: number } | null }>(
          'GET',
          `/v1/stories/${storyId}?country=${country}`,
        )
      ).body.shippingQuote;
    expect(await quote('PT')).toEqual({ amountMinor: 500, currency: 'USD', dispatchDays: 2 });
    expect(await quote('es')).toEqual({ amountMinor: 900, currency: 'USD', dispatchDays: 3 });
    expect(await quote('US')).toBeNull();
    const plain = await api.call<{ shipping: unknown; shippingQuote?: unknown }>('GET', `/v1/stories/${storyId}`);
    expect(plain.body.shipping).toEqual(IBERIA);
    expect(plain.body).not.toHaveProperty('shippingQuote');
    const bad = await api.call<ErrorBody>('GET', `/v1/stories/${storyId}?country=Portugal`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it('is needed to publish, is checked when written, and is frozen while an auction runs', async () => {
    const created = await api.call<{ id: string }>('POST', '/v1/stories', {
      token: maker.accessToken,
      body: { title: 'No shipping yet', offerPolicy: { minOfferMinor: 10_000, currency: 'USD' } },
    });
    expect(created.status).toBe(201);
    const refused = await api.call<ErrorBody>('POST', `/v1/stories/${created.body.id}/publish`, {
      token: maker.accessToken,
    });
    expect(refused.status).toBe(422);
    // The hero is missing too; shipping is checked by the same rule, after the hero.
    expect(['hero_video_not_ready', 'shipping_required']).toContain(refused.body.error.code);

    for (const shipping of [
      { fromCountry: 'PT', options: [] },
      { fromCountry: 'PT', options: [{ region: 'PT', amountMinor: 100, dispatchDays: 2 }] },
      { fromCountry: 'PT', options: [{ region: 'Mars', amountMinor: 100, dispatchDays: 2 }] },
      { fromCountry: 'PT', options: [{ region: 'domestic', amountMinor: -1, dispatchDays: 2 }] },
      {
        fromCountry: 'PT',
        options: [
          { region: 'ES', amountMinor: 100, dispatchDays: 2 },
          { region: 'es', amountMinor: 200, dispatchDays: 2 },
        ],
      },
    ]) {
      const res = await api.call<ErrorBody>('PATCH', `/v1/stories/${created.body.id}`, {
        token: maker.accessToken,
        body: { shipping },
      });
      expect(res.status, JSON.stringify(shipping)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }

    const storyId = await publishedStory(runtime, api, maker, { shipping: WORLDWIDE });
    const unset = await api.call<ErrorBody>('PATCH', `/v1/stories/${storyId}`, {
      token: maker.accessToken,
      body: { shipping: null },
    });
    expect(unset.status).toBe(422);
    expect(unset.body.error.code).toBe('shipping_required');

    const buyer = await signIn(api, 'frozen-buyer');
    expect((await offer(storyId, buyer, { amountMinor: 10_000 })).status).toBe(201);
    const cheaper = { ...WORLDWIDE, options: [{ region: 'domestic', amountMinor: 0, dispatchDays: 2 }] };
    const frozen = await api.call<ErrorBody>('PATCH', `/v1/stories/${storyId}`, {
      token: maker.accessToken,
      body: { shipping: cheaper },
    });
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.code).toBe('auction_active');
  });
});

describe('buying from a country the story does not ship to', () => {
  it('is refused at the offer, the bid and buy-now, by the named country or the account’s', async () => {
    const storyId = await publishedStory(runtime, api, maker, { shipping: IBERIA });
    const american = await signIn(api, 'us-buyer'); // the account says US
    const refusedOffer = await offer(storyId, american, { amountMinor: 10_000 });
    expect(refusedOffer.status).toBe(422);
    expect(refusedOffer.body.error).toMatchObject({ code: 'not_shipped_to_country', details: { country: 'US' } });
    const refusedNamed = await offer(storyId, american, { amountMinor: 10_000, shippingCountry: 'FR' });
    expect(refusedNamed.body.error.code).toBe('not_shipped_to_country');
    // Nothing was recorded: no auction opened, no offer held.
    const offers = await runtime.ctx.pool.query('select 1 from auctions.offers where story_id = $1', [storyId]);
    expect(offers.rowCount).toBe(0);

    // The same buyer asking for delivery in Spain opens the auction.
    const opened = await offer(storyId, american, { amountMinor: 10_000, shippingCountry: 'es' });
    expect(opened.status).toBe(201);
    const auctionId = opened.body.auction!.id;

    const nowhere = await api.signIn(email('no-country'), { country: null });
    const noCountry = await bid(auctionId, nowhere, { amountMinor: 10_600 });
    expect(noCountry.status).toBe(422);
    expect(noCountry.body.error.code).toBe('shipping_country_required');
    const toUs = await bid(auctionId, nowhere, { amountMinor: 10_600, shippingCountry: 'US' });
    expect(toUs.status).toBe(422);
    expect(toUs.body.error.code).toBe('not_shipped_to_country');
    const badCode = await bid(auctionId, nowhere, { amountMinor: 10_600, shippingCountry: 'XX' });
    expect(badCode.status).toBe(400);
    const toPortugal = await bid(auctionId, nowhere, { amountMinor: 10_600, shippingCountry: 'PT' });
    expect(toPortugal.status, JSON.stringify(toPortugal.body)).toBe(201);
    const bids = await runtime.ctx.pool.query('select 1 from auctions.bids where auction_id = $1', [auctionId]);
    expect(bids.rowCount).toBe(2);

    const buyNowStory = await publishedStory(runtime, api, maker, { shipping: IBERIA, buyNowMinor: 30_000 });
    const refusedBuy = await buy(buyNowStory, american);
    expect(refusedBuy.status).toBe(422);
    expect(refusedBuy.body.error.code).toBe('not_shipped_to_country');
    const windows = await runtime.ctx.pool.query('select 1 from auctions.payment_windows where story_id = $1', [
      buyNowStory,
    ]);
    expect(windows.rowCount).toBe(0);
    const bought = await buy(buyNowStory, american, { shippingCountry: 'ES' });
    expect(bought.status).toBe(201);
    expect(bought.body.paymentWindow).toMatchObject({ amountMinor: 30_000, shippingMinor: 900, shippingCountry: 'ES' });
  });

  it('the winner pays shipping to the country of their latest bid', async () => {
    const storyId = await publishedStory(runtime, api, maker, { shipping: WORLDWIDE });
    const [a, b] = [await signIn(api, 'win-a'), await signIn(api, 'win-b')];
    const opened = await offer(storyId, a, { amountMinor: 10_000, shippingCountry: 'PT' });
    const auctionId = opened.body.auction!.id;
    expect((await bid(auctionId, b, { amountMinor: 11_000, shippingCountry: 'PT' })).status).toBe(201);
    // b raises their maximum and now wants it in Japan: the latest country named counts.
    expect(
      (await bid(auctionId, b, { amountMinor: 11_000, maxAmountMinor: 13_000, shippingCountry: 'JP' })).status,
    ).toBe(201);
    const ends = await api.call<AuctionBody & { endsAt: string }>('GET', `/v1/auctions/${auctionId}`);
    clock.set(Date.parse(ends.body.endsAt));
    await fireTimer(runtime, `auction-end:${auctionId}`);
    const window = await api.call<WindowBody & { winnerId: string }>('GET', `/v1/auctions/${auctionId}/payment`, {
      token: b.accessToken,
    });
    expect(window.status).toBe(200);
    expect(window.body).toMatchObject({ winnerId: b.userId, shippingCountry: 'JP', shippingMinor: 2_500 });
  });
});
