/**
 * End to end, through the public API only: a maker lists a piece, viewers offer and bid, the
 * worker ends the auction, the winner pays through the hosted checkout, the maker ships, the buyer
 * confirms and the order completes. Then the unpaid path: the window expires, the winner gets a
 * strike and the maker offers the piece to the runner-up.
 */
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { submitLocalCheckout } from '../src/modules/payments/test-support';
import { createReadyMedia } from '../src/modules/media/test-fixtures';
import type { Runtime } from '../src/composition/runtime';
import { apiClient, type Session } from './client';
import { startTestServer } from './harness';
import { freeShipping } from '../src/modules/stories/test-support';

type Api = ReturnType<typeof apiClient>;

interface Auction {
  id: string;
  status: string;
  minNextBidMinor: number | null;
  winnerId: string | null;
  winningAmountMinor: number | null;
}
interface Payment {
  status: string;
  expiresAt: string;
  amountMinor: number;
  currency: string;
  checkoutUrl: string | null;
}
interface Order {
  id: string;
  status: string;
  amountMinor: number;
  buyerId: string;
  makerId: string;
  shippingAddress: { name: string; city: string } | null;
  deliveredBy: string | null;
}

let seq = 0;
const email = (who: string) => `journey-${who}-${Date.now().toString(36)}-${seq++}@example.com`;
let address = 0;
const signIn = (api: Api, who: string) => {
  address += 1;
  return api.signIn(email(who), { remoteAddress: `10.99.${Math.floor(address / 250)}.${(address % 250) + 1}` });
};

async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const pathOf = (url: string) => {
  const u = new URL(url, 'http://localhost');
  return `${u.pathname}${u.search}`;
};

/** Maker: sign in, turn on TOTP, become a maker, list a story with a ready hero video. */
async function makerListsAPiece(runtime: Runtime, api: Api): Promise<{ maker: Session; storyId: string }> {
  const maker = await signIn(api, 'maker');
  const enrol = await api.call<{ secret: string }>('POST', '/v1/auth/totp/enroll', { token: maker.accessToken });
  expect(enrol.status).toBe(200);
  const code = new TOTP({
    secret: Secret.fromBase32(enrol.body.secret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  }).generate();
  expect((await api.call('POST', '/v1/auth/totp/confirm', { token: maker.accessToken, body: { code } })).status).toBe(
    200,
  );
  expect(
    (await api.call('POST', '/v1/makers', { token: maker.accessToken, body: { displayName: 'Oak & Ash' } })).status,
  ).toBe(201);

  const heroMediaId = await createReadyMedia(runtime, maker.userId);
  const story = await api.call<{ id: string }>('POST', '/v1/stories', {
    token: maker.accessToken,
    body: {
      title: 'Hand-carved oak bowl',
      description: 'Turned from a fallen oak.',
      category: 'woodwork',
      heroMediaId,
      offerPolicy: { minOfferMinor: 10_000, currency: 'USD', autoRejectBelowMin: true },
      shipping: freeShipping,
    },
  });
  expect(story.status).toBe(201);
  const published = await api.call<{ status: string }>('POST', `/v1/stories/${story.body.id}/publish`, {
    token: maker.accessToken,
  });
  expect(published.body.status).toBe('published');
  return { maker, storyId: story.body.id };
}

/** A viewer's offer opens the auction; another viewer outbids; the worker ends it. */
async function auctionRuns(api: Api, storyId: string): Promise<{ opener: Session; winner: Session; auction: Auction }> {
  const opener = await signIn(api, 'opener');
  const offer = await api.call<{ auction: Auction | null }>('POST', `/v1/stories/${storyId}/offers`, {
    token: opener.accessToken,
    body: { amountMinor: 10_000 },
  });
  expect(offer.status).toBe(201);
  expect(offer.body.auction?.status).toBe('active');
  const auctionId = offer.body.auction!.id;

  const winner = await signIn(api, 'bidder');
  const current = await api.call<Auction>('GET', `/v1/auctions/${auctionId}`, { token: winner.accessToken });
  expect(current.body.minNextBidMinor).toBe(10_600); // 100.00 × 1.01 = 101.00, plus 5 whole units
  const bid = await api.call('POST', `/v1/auctions/${auctionId}/bids`, {
    token: winner.accessToken,
    body: { amountMinor: current.body.minNextBidMinor },
  });
  expect(bid.status).toBe(201);

  const ended = await until(async () => {
    const a = await api.call<Auction>('GET', `/v1/auctions/${auctionId}`, { token: winner.accessToken });
    return a.body.status === 'awaiting_payment' ? a.body : null;
  }, 'the worker to end the auction');
  expect(ended).toMatchObject({ winnerId: winner.userId, winningAmountMinor: 10_600 });
  return { opener, winner, auction: ended };
}

/** The buyer fills in the local provider's hosted checkout form and pays. */
async function payThroughCheckout(runtime: Runtime, api: Api, buyer: Session, auctionId: string): Promise<void> {
  const payment = await api.call<Payment>('GET', `/v1/auctions/${auctionId}/payment`, { token: buyer.accessToken });
  expect(payment.status).toBe(200);
  expect(payment.body.status).toBe('open');
  expect(payment.body.checkoutUrl).toBeTruthy();
  const page = await runtime.app!.inject({ method: 'GET', url: pathOf(payment.body.checkoutUrl!) });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain(
    new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(payment.body.amountMinor / 100),
  );
  const action = /<form [^>]*action="([^"]+)"/.exec(page.body)?.[1];
  expect(action).toBeTruthy();
  const paid = await submitLocalCheckout(runtime, action!);
  expect(paid.statusCode).toBe(303);
  const receipt = await runtime.app!.inject({ method: 'GET', url: String(paid.headers.location) });
  expect(receipt.body).toContain('Payment received');
}

describe('journey', () => {
  it('from listing to a completed order', async () => {
    const runtime = await startTestServer({
      env: { AUCTION_DURATION_SECONDS: '4', SOFT_CLOSE_SECONDS: '1', PAYMENT_WINDOW_SECONDS: '600' },
    });
    try {
      const api = apiClient(runtime);
      const { maker, storyId } = await makerListsAPiece(runtime, api);
      const { opener, winner, auction } = await auctionRuns(api, storyId);
      await payThroughCheckout(runtime, api, winner, auction.id);

      const paidAuction = await api.call<Auction>('GET', `/v1/auctions/${auction.id}`, { token: winner.accessToken });
      expect(paidAuction.body.status).toBe('paid');
      const mine = await api.call<{ items: Order[] }>('GET', '/v1/orders?as=buyer', { token: winner.accessToken });
      expect(mine.body.items).toHaveLength(1);
      const order = mine.body.items[0]!;
      expect(order).toMatchObject({
        status: 'paid',
        amountMinor: 10_600,
        buyerId: winner.userId,
        makerId: maker.userId,
      });

      const sold = await api.call<{ items: Order[] }>('GET', '/v1/orders?as=maker', { token: maker.accessToken });
      expect(sold.body.items.map((o) => o.id)).toEqual([order.id]);
      expect(sold.body.items[0]!.shippingAddress).toMatchObject({ name: 'Grace Buyer', city: 'Portland' });
      expect((await api.call('GET', `/v1/orders/${order.id}`, { token: opener.accessToken })).status).toBe(404);

      const shipped = await api.call<Order>('POST', `/v1/orders/${order.id}/shipment`, {
        token: maker.accessToken,
        body: { carrier: 'Royal Mail', trackingNumber: 'RM123456785GB' },
      });
      expect(shipped.body.status).toBe('shipped');
      const delivered = await api.call<Order>('POST', `/v1/orders/${order.id}/delivery-confirmation`, {
        token: winner.accessToken,
      });
      expect(delivered.body).toMatchObject({ status: 'delivered', deliveredBy: 'buyer' });
      const completed = await until(async () => {
        const o = await api.call<Order>('GET', `/v1/orders/${order.id}`, { token: maker.accessToken });
        return o.body.status === 'completed' ? o.body : null;
      }, 'the order to complete');
      expect(completed.id).toBe(order.id);

      const inbox = await api.call<{ items: { kind: string }[] }>('GET', '/v1/notifications?limit=50', {
        token: maker.accessToken,
      });
      expect(inbox.status).toBe(200);
      expect(inbox.body.items.map((n) => n.kind)).toEqual(
        expect.arrayContaining(['payment_received', 'delivered', 'payout_released']),
      );
    } finally {
      await runtime.stop();
    }
  });

  it('an unpaid window: strike for the winner, second chance for the runner-up, who pays', async () => {
    const runtime = await startTestServer({
      env: { AUCTION_DURATION_SECONDS: '4', SOFT_CLOSE_SECONDS: '1', PAYMENT_WINDOW_SECONDS: '3' },
    });
    try {
      const api = apiClient(runtime);
      const { maker, storyId } = await makerListsAPiece(runtime, api);
      const { opener, winner, auction } = await auctionRuns(api, storyId);

      const expired = await until(async () => {
        const p = await api.call<Payment>('GET', `/v1/auctions/${auction.id}/payment`, { token: maker.accessToken });
        return p.body.status === 'expired' ? p.body : null;
      }, 'the payment window to expire');
      expect(expired.checkoutUrl).toBeNull();
      const lapsed = await api.call<Auction>('GET', `/v1/auctions/${auction.id}`, { token: maker.accessToken });
      expect(lapsed.body.status).toBe('payment_expired');
      const exported = await api.call<{ auctions: { nonPaymentStrikes: unknown[] } }>('GET', '/v1/me/export', {
        token: winner.accessToken,
      });
      expect(exported.body.auctions.nonPaymentStrikes).toHaveLength(1);
      const noOrder = await api.call<{ items: Order[] }>('GET', '/v1/orders?as=buyer', { token: winner.accessToken });
      expect(noOrder.body.items).toHaveLength(0);

      // The maker offers the piece to the runner-up at their last bid.
      const second = await api.call<Auction>('POST', `/v1/auctions/${auction.id}/second-chance`, {
        token: maker.accessToken,
      });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({
        status: 'awaiting_payment',
        winnerId: opener.userId,
        winningAmountMinor: 10_000,
      });
      const offered = await api.call<Payment>('GET', `/v1/auctions/${auction.id}/payment`, {
        token: opener.accessToken,
      });
      expect(offered.body).toMatchObject({ status: 'open', amountMinor: 10_000 });
      const sessionId = new URL(offered.body.checkoutUrl!, 'http://localhost').pathname.split('/').pop()!;
      const paid = await api.call<{ status: string; orderId: string }>(
        'POST',
        `/v1/payments/local/${sessionId}/complete`,
        {
          body: { outcome: 'succeeded' },
        },
      );
      expect(paid.body.status).toBe('succeeded');
      const order = await api.call<Order>('GET', `/v1/orders/${paid.body.orderId}`, { token: opener.accessToken });
      expect(order.body).toMatchObject({ status: 'paid', amountMinor: 10_000, buyerId: opener.userId });
      // The lapsed winner cannot pay the old window any more.
      const late = await api.call('GET', `/v1/auctions/${auction.id}/payment`, { token: winner.accessToken });
      expect(late.status).toBe(403);
    } finally {
      await runtime.stop();
    }
  });
});
