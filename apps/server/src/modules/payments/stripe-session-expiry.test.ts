import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StripeStub } from './stripe-stub';
import {
  buyNow,
  buyNowStory,
  deliver,
  makerWithTotp,
  rows,
  signIn,
  startServer,
  stripeEvent,
  waitFor,
} from './test-support';

const WEBHOOK_SECRET = 'whsec_test_stub_secret';
let stub: StripeStub;

beforeAll(async () => {
  stub = await new StripeStub().start();
});
afterAll(async () => stub?.stop());

function completedEvent(window: { id: string; amountMinor: number }, sessionId: string, pi: string) {
  return stripeEvent('checkout.session.completed', {
    id: sessionId,
    object: 'checkout.session',
    payment_status: 'paid',
    status: 'complete',
    payment_intent: pi,
    amount_total: window.amountMinor,
    currency: 'usd',
    metadata: { windowId: window.id },
  });
}

describe('a window shorter than Stripe allows a session to be', () => {
  it('closes the session at Stripe when the window ends, and refunds a payment that still arrives', async () => {
    const short = await startServer({
      env: {
        STRIPE_SECRET_KEY: 'sk_test_stub',
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_BASE: stub.url,
        PAYMENT_WINDOW_SECONDS: '2',
      },
    });
    try {
      const maker = await makerWithTotp(short.runtime, short.api, 'short-maker');
      const buyer = await signIn(short.api, 'short-buyer');
      const window = await buyNow(short.api, buyer, await buyNowStory(short.runtime, short.api, maker, 12_000));
      const [row] = await rows<{ provider_session_id: string }>(
        short.runtime,
        'select provider_session_id from payments.checkout_sessions where window_id = $1',
        [window.id],
      );
      const sessionId = row!.provider_session_id;
      await waitFor(async () => {
        const [s] = await rows<{ status: string }>(
          short.runtime,
          'select status from payments.checkout_sessions where window_id = $1',
          [window.id],
        );
        return s?.status === 'expired';
      });
      expect(stub.calls('POST', `/v1/checkout/sessions/${sessionId}/expire`)).toHaveLength(1);
      const w = await short.api.call<{ status: string }>('GET', `/v1/payment-windows/${window.id}`, {
        token: buyer.accessToken,
      });
      expect(w.body.status).toBe('expired');

      // A payment that got through anyway (it raced the expiry) is refunded in full, with no order.
      const res = await deliver(short.api, WEBHOOK_SECRET, completedEvent(window, sessionId, 'pi_short_late'));
      expect(res.status).toBe(200);
      await waitFor(async () =>
        stub.calls('POST', '/v1/refunds').find((r) => r.params.payment_intent === 'pi_short_late'),
      );
      const refund = stub.calls('POST', '/v1/refunds').find((r) => r.params.payment_intent === 'pi_short_late')!;
      expect(refund.params.amount).toBe('12000');
      expect(refund.params.reverse_transfer).toBeUndefined();
      expect(await rows(short.runtime, 'select 1 from orders.orders where window_id = $1', [window.id])).toHaveLength(
        0,
      );
    } finally {
      await short.runtime.stop();
    }
  });
});
