import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/client';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import {
  buyNow,
  buyNowStory,
  makerWithTotp,
  pathOf,
  sessionIdOf,
  signIn,
  startServer,
  type Api,
} from '../payments/test-support';

const SHIPPING = { name: 'Ada Buyer', line1: '1 Long Lane', city: 'Lyon', postalCode: '69001', country: 'FR' };
const DAY = 86_400_000;

let runtime: Runtime;
let api: Api;
let maker: Session;
const clock = new ManualClock(Date.now());

beforeAll(async () => {
  ({ runtime, api } = await startServer({ clock }));
  maker = await makerWithTotp(runtime, api, 'receipt-maker');
}, 60_000);
afterAll(async () => runtime?.stop());

describe('receipt links', () => {
  it('security review: receipt links never expire and show the address — the link expires after 30 days and masks the address', async () => {
    const buyer = await signIn(api, 'receipt-buyer');
    const window = await buyNow(api, buyer, await buyNowStory(runtime, api, maker, 20_000), SHIPPING.country);
    const paid = await api.call<{ orderId: string }>(
      'POST',
      `/v1/payments/local/${sessionIdOf(window.checkoutUrl!)}/complete`,
      { body: { outcome: 'succeeded', shipping: SHIPPING } },
    );
    expect(paid.status).toBe(200);
    const orderId = paid.body.orderId;
    const order = await api.call<{ receiptUrl: string }>('GET', `/v1/orders/${orderId}`, {
      token: buyer.accessToken,
    });
    const open = (url: string) => runtime.app!.inject({ method: 'GET', url: pathOf(url) });

    // Without sign-in, the link shows the receipt but not where the buyer lives.
    const byLink = await open(order.body.receiptUrl);
    expect(byLink.statusCode).toBe(200);
    expect(byLink.body).toContain('$200.00');
    expect(byLink.body).not.toContain('1 Long Lane');
    expect(byLink.body).not.toContain('Ada Buyer');
    expect(byLink.body).not.toContain('69001');

    // Signed in, the buyer sees the whole address.
    const signedIn = await api.call<string>('GET', `/v1/orders/${orderId}/receipt`, { token: buyer.accessToken });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toContain('1 Long Lane');

    // The link stops working after 30 days.
    clock.advance(29 * DAY);
    expect((await open(order.body.receiptUrl)).statusCode).toBe(200);
    clock.advance(2 * DAY);
    const expired = await open(order.body.receiptUrl);
    expect(expired.statusCode).toBe(410);
    expect((JSON.parse(expired.body) as { error: { code: string } }).error.code).toBe('receipt_link_expired');
  });
});
