import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/client';
import type { Runtime } from '../../composition/runtime';
import { buyNow, buyNowStory, pathOf, rows, waitFor } from '../payments/test-support';
import {
  bid,
  openAuctionWith,
  publishedStory,
  signIn,
  signInMaker,
  startAuctionServer,
  type Api,
  type ErrorBody,
} from './test-support';

let runtime: Runtime;
let api: Api;
let maker: Session;

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer({
    env: { BID_CAP_MULTIPLE: '10', OPEN_PAYMENT_WINDOWS_PER_BUYER: '2' },
  }));
  maker = await signInMaker(api, 'cap-maker');
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
});

/** Pays an open window through the local hosted checkout, as a buyer would. */
async function pay(checkoutUrl: string, windowId: string): Promise<void> {
  const res = await api.call('POST', `${pathOf(checkoutUrl)}/complete`, {
    body: {
      outcome: 'succeeded',
      shipping: { name: 'Ada Buyer', line1: '1 Quay Street', city: 'Boston', postalCode: '02110', country: 'US' },
    },
  });
  expect(res.status).toBe(200);
  await waitFor(async () => {
    const [row] = await rows<{ status: string }>(runtime, 'select status from auctions.payment_windows where id = $1', [
      windowId,
    ]);
    return row?.status === 'paid';
  });
}

describe('new buyers', () => {
  it('security review: griefing — a bid, a proxy maximum or an offer from an account without a paid purchase is capped at BID_CAP_MULTIPLE × the current price', async () => {
    const storyId = await publishedStory(runtime, api, maker, { minOfferMinor: 10_000 });
    const opener = await signIn(api, 'cap-opener');
    const auction = await openAuctionWith(api, storyId, opener, 10_000);
    const newcomer = await signIn(api, 'cap-newcomer');

    const tooHigh = await bid(api, auction.id, newcomer, 100_001);
    expect(tooHigh.status).toBe(422);
    expect(tooHigh.body.error.code).toBe('bid_above_new_buyer_cap');
    expect(tooHigh.body.error.details).toMatchObject({ capMinor: 100_000, currency: 'USD', multiple: 10 });
    expect(tooHigh.body.error.message).toContain('$1,000.00');

    const hugeMaximum = await bid(api, auction.id, newcomer, 11_000, { maxAmountMinor: 100_000_000_000_000 });
    expect(hugeMaximum.status).toBe(422);
    expect(hugeMaximum.body.error.code).toBe('bid_above_new_buyer_cap');
    // Up to the cap is fine; the cap follows the price.
    expect((await bid(api, auction.id, newcomer, 11_000, { maxAmountMinor: 100_000 })).status).toBe(201);

    const otherStory = await publishedStory(runtime, api, maker, { minOfferMinor: 5_000 });
    const offer = await api.call<ErrorBody>('POST', `/v1/stories/${otherStory}/offers`, {
      token: newcomer.accessToken,
      body: { amountMinor: 50_001 },
    });
    expect(offer.status).toBe(422);
    expect(offer.body.error).toMatchObject({ code: 'bid_above_new_buyer_cap', details: { capMinor: 50_000 } });

    // Once a purchase is paid, the account bids freely.
    const bought = await buyNowStory(runtime, api, maker, 20_000, 'A paid piece');
    const window = await buyNow(api, newcomer, bought);
    await pay(window.checkoutUrl!, window.id);
    const high = await bid(api, auction.id, newcomer, 500_000);
    expect(high.status).toBe(201);
  });

  it('security review: griefing — buy-now holds any story; a buyer keeps at most OPEN_PAYMENT_WINDOWS_PER_BUYER open windows, even when buying concurrently', async () => {
    const stories = await Promise.all(
      [1, 2, 3, 4].map((n) => buyNowStory(runtime, api, maker, 20_000, `Held piece ${n}`)),
    );
    const buyer = await signIn(api, 'cap-holder');
    await buyNow(api, buyer, stories[0]!);

    // Three buy-nows at once with one window open: exactly one more may open.
    const answers = await Promise.all(
      stories
        .slice(1)
        .map((storyId) => api.call<ErrorBody>('POST', `/v1/stories/${storyId}/buy`, { token: buyer.accessToken })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(refused.body.error).toMatchObject({ code: 'too_many_payment_windows', details: { maxOpenWindows: 2 } });
    const open = await rows<{ n: number }>(
      runtime,
      `select count(*)::int as n from auctions.payment_windows where winner_id = $1 and status = 'open'`,
      [buyer.userId],
    );
    expect(open[0]!.n).toBe(2);
    // The stories refused stay free for someone else.
    const other = await signIn(api, 'cap-other');
    const free = stories.slice(1)[answers.findIndex((a) => a.status === 409)]!;
    expect((await api.call('POST', `/v1/stories/${free}/buy`, { token: other.accessToken })).status).toBe(201);
  });
});
