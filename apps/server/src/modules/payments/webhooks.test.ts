import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/client';
import type { Runtime } from '../../composition/runtime';
import {
  buyNow,
  buyNowStory,
  deliver,
  localSecret,
  makerWithTotp,
  rows,
  sessionIdOf,
  signIn,
  startServer,
  stripeEvent,
  waitFor,
  type Api,
} from './test-support';
import { signWebhookPayload } from './webhook-signature';

let runtime: Runtime;
let api: Api;
let maker: Session;
let secret: string;

beforeAll(async () => {
  ({ runtime, api } = await startServer({ env: { PAYMENT_WINDOW_SECONDS: '3600' } }));
  maker = await makerWithTotp(runtime, api, 'hook-maker');
  secret = localSecret(runtime);
});
afterAll(async () => runtime?.stop());

async function paidWindowEvents(price = 25_000) {
  const buyer = await signIn(api, 'hook-buyer');
  const storyId = await buyNowStory(runtime, api, maker, price);
  const window = await buyNow(api, buyer, storyId);
  const sessionId = sessionIdOf(window.checkoutUrl!);
  const pi = `pi_test_${randomBytes(6).toString('hex')}`;
  const session = {
    id: sessionId,
    object: 'checkout.session',
    payment_status: 'paid',
    status: 'complete',
    payment_intent: pi,
    amount_total: price,
    currency: 'usd',
    metadata: { windowId: window.id },
    customer_details: { email: 'buyer@example.com', name: 'Ada Buyer' },
    collected_information: {
      shipping_details: {
        name: 'Ada Buyer',
        address: { line1: '1 Lane', city: 'Lyon', postal_code: '69001', country: 'FR' },
      },
    },
  };
  return { buyer, window, sessionId, pi, session };
}

const state = async (windowId: string) => {
  const payments = await rows<{ id: string; refunded_minor: number; outcome: string }>(
    runtime,
    'select id, refunded_minor, outcome from payments.payments where window_id = $1',
    [windowId],
  );
  const orders = await rows<{ id: string; status: string; refunded_minor: number }>(
    runtime,
    'select id, status, refunded_minor from orders.orders where window_id = $1',
    [windowId],
  );
  return { payments, orders };
};

/** A deterministic shuffle (mulberry32), so a failing order can be replayed from its seed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed;
  const random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('webhook signature', () => {
  it('answers 400 invalid_signature for a bad signature or a stale timestamp, 200 for a valid one', async () => {
    const event = stripeEvent('customer.created', { id: 'cus_1' });
    const body = JSON.stringify(event);
    const post = (signature: string, payload = body) =>
      runtime.app!.inject({
        method: 'POST',
        url: '/v1/payments/stripe/webhook',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        payload,
      });
    const bad = await post(signWebhookPayload('whsec_wrong', body, new Date()));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_signature' } });
    const tampered = await post(signWebhookPayload(secret, body, new Date()), body.replace('cus_1', 'cus_2'));
    expect(tampered.statusCode).toBe(400);
    const stale = await post(signWebhookPayload(secret, body, new Date(Date.now() - 301_000)));
    expect(stale.statusCode).toBe(400);
    expect(stale.json()).toMatchObject({ error: { code: 'invalid_signature' } });
    const missing = await runtime.app!.inject({
      method: 'POST',
      url: '/v1/payments/stripe/webhook',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(missing.statusCode).toBe(400);
    const valid = await post(signWebhookPayload(secret, body, new Date(Date.now() - 200_000)));
    expect(valid.statusCode).toBe(200);
    expect(valid.json()).toEqual({ received: true, outcome: 'ignored' });
    const again = await post(signWebhookPayload(secret, body, new Date()));
    expect(again.json()).toEqual({ received: true, outcome: 'duplicate' });
    // The raw body is verified whatever its content type says; a signed non-event is still a 400.
    const junk = await post(signWebhookPayload(secret, 'not json', new Date()), 'not json');
    expect(junk.statusCode).toBe(400);
    expect(junk.json()).toMatchObject({ error: { code: 'invalid_event' } });
  });
});

describe('every event applied exactly once, in any order', () => {
  it.each([1, 2, 3])(
    'three shuffled deliveries of each event plus ten concurrent duplicates (seed %i)',
    async (seed) => {
      const { window, sessionId, pi, session } = await paidWindowEvents();
      const completed = stripeEvent('checkout.session.completed', session);
      const refunded = stripeEvent('charge.refunded', {
        id: `ch_${pi}`,
        object: 'charge',
        payment_intent: pi,
        amount: 25_000,
        amount_refunded: 5_000,
      });
      const failed = stripeEvent('payment_intent.payment_failed', {
        id: pi,
        object: 'payment_intent',
        metadata: { windowId: window.id },
        last_payment_error: { message: 'Your card was declined.' },
      });
      const expired = stripeEvent('checkout.session.expired', {
        id: sessionId,
        object: 'checkout.session',
        status: 'expired',
      });
      const events = [completed, refunded, failed, expired];

      const burst = seed % 2 === 0 ? completed : refunded;
      const concurrent = await Promise.all(Array.from({ length: 10 }, () => deliver(api, secret, burst)));
      expect(concurrent.every((r) => r.status === 200)).toBe(true);
      // One delivery applies it; the others find it stored (applied, or being applied right now).
      const firstOutcome = burst === completed ? 'applied' : 'deferred';
      expect(concurrent.filter((r) => r.body.outcome === firstOutcome)).toHaveLength(1);
      expect(concurrent.every((r) => [firstOutcome, 'duplicate', 'received'].includes(r.body.outcome))).toBe(true);

      for (const event of shuffled([...events, ...events, ...events], seed)) {
        const res = await deliver(api, secret, event);
        expect(res.status).toBe(200);
      }

      const { payments, orders } = await state(window.id);
      expect(payments).toHaveLength(1);
      expect(orders).toHaveLength(1);
      expect(payments[0]!.refunded_minor).toBe(5_000);
      expect(orders[0]).toMatchObject({ status: 'paid', refunded_minor: 5_000 });
      const stored = await rows<{ id: string; status: string }>(
        runtime,
        'select id, status from payments.webhook_events where id = any($1)',
        [events.map((e) => e.id)],
      );
      expect(stored).toHaveLength(4);
      expect(stored.every((e) => e.status === 'applied')).toBe(true);
      // Stored without personal data.
      const payload = await rows<{ payload: unknown }>(
        runtime,
        'select payload from payments.webhook_events where id = $1',
        [completed.id],
      );
      expect(JSON.stringify(payload[0]!.payload)).not.toContain('Ada');
    },
  );

  it('a full refund arriving before the completion ends with a refunded order', async () => {
    const { window, pi, session } = await paidWindowEvents(30_000);
    const refunded = stripeEvent('charge.refunded', {
      id: `ch_${pi}`,
      object: 'charge',
      payment_intent: pi,
      amount: 30_000,
      amount_refunded: 30_000,
    });
    expect((await deliver(api, secret, refunded)).body.outcome).toBe('deferred');
    expect((await state(window.id)).payments).toHaveLength(0);
    expect((await deliver(api, secret, stripeEvent('checkout.session.completed', session))).body.outcome).toBe(
      'applied',
    );
    const { payments, orders } = await state(window.id);
    expect(payments[0]!.refunded_minor).toBe(30_000);
    expect(orders[0]).toMatchObject({ status: 'refunded', refunded_minor: 30_000 });
    const [event] = await rows<{ status: string; applied_at: Date | null }>(
      runtime,
      'select status, applied_at from payments.webhook_events where id = $1',
      [refunded.id],
    );
    expect(event).toMatchObject({ status: 'applied' });
    expect(event!.applied_at).not.toBeNull();
  });

  it('a chargeback marks the order disputed, whichever arrives first', async () => {
    const { window, pi, session } = await paidWindowEvents();
    const dispute = stripeEvent('charge.dispute.created', {
      id: 'dp_1',
      object: 'dispute',
      charge: 'ch_1',
      payment_intent: pi,
      reason: 'fraudulent',
    });
    expect((await deliver(api, secret, dispute)).body.outcome).toBe('deferred');
    await deliver(api, secret, stripeEvent('checkout.session.completed', session));
    const { orders } = await state(window.id);
    expect(orders[0]!.status).toBe('disputed');
    const [row] = await rows<{ dispute_reason: string }>(
      runtime,
      'select dispute_reason from orders.orders where id = $1',
      [orders[0]!.id],
    );
    expect(row!.dispute_reason).toBe('chargeback: fraudulent');
  });

  it('keeps the complete event only until it is applied', async () => {
    const { session } = await paidWindowEvents();
    const completed = stripeEvent('checkout.session.completed', session);
    await deliver(api, secret, completed);
    const [row] = await rows<{ sealed_body: string | null; status: string }>(
      runtime,
      'select sealed_body, status from payments.webhook_events where id = $1',
      [completed.id],
    );
    expect(row).toEqual({ sealed_body: null, status: 'applied' });
  });

  it('applies, from the sweep, an event that was stored but never applied', async () => {
    const { window, session } = await paidWindowEvents();
    const completed = stripeEvent('checkout.session.completed', session);
    // As if the process died between storing the event and applying it.
    await runtime.ctx.pool.query(
      `insert into payments.webhook_events (id, provider, type, payload, sealed_body, created_at, received_at, status)
       values ($1, 'local', $2, '{}'::jsonb, $3, now(), now() - interval '5 minutes', 'received')`,
      [
        completed.id,
        completed.type,
        runtime.ctx.secrets.cipher.encrypt(JSON.stringify(completed), {
          purpose: 'payments.webhook_events.sealed_body',
          rowId: String(completed.id),
        }),
      ],
    );
    await runtime.ctx.pool.query(`select graphile_worker.add_job('payments:apply-pending-events', '{}'::json)`);
    await waitFor(async () => (await state(window.id)).orders.length === 1);
    const { payments, orders } = await state(window.id);
    expect(payments).toHaveLength(1);
    expect(orders[0]!.status).toBe('paid');
    // Its redelivery now changes nothing.
    expect((await deliver(api, secret, completed)).body.outcome).toBe('duplicate');
  });

  it('records how late events are applied', async () => {
    const res = await api.call<string>('GET', '/metrics');
    expect(res.body).toContain('webhook_lag_seconds_bucket');
    expect(res.body).toMatch(/webhook_lag_seconds_count\{type="checkout.session.completed"\} [1-9]/);
  });
});

describe('a completion after the window closed', () => {
  it('is refunded in full through the provider and never becomes an order', async () => {
    const short = await startServer({ env: { PAYMENT_WINDOW_SECONDS: '2' } });
    try {
      const m = await makerWithTotp(short.runtime, short.api, 'late-maker');
      const buyer = await signIn(short.api, 'late-buyer');
      const storyId = await buyNowStory(short.runtime, short.api, m, 18_000);
      const window = await buyNow(short.api, buyer, storyId);
      await waitFor(async () => {
        const w = await short.api.call<{ status: string }>('GET', `/v1/payment-windows/${window.id}`, {
          token: buyer.accessToken,
        });
        return w.body.status === 'expired';
      });
      const event = stripeEvent('checkout.session.completed', {
        id: sessionIdOf(window.checkoutUrl!),
        object: 'checkout.session',
        payment_status: 'paid',
        payment_intent: 'pi_late_1',
        amount_total: 18_000,
        currency: 'usd',
        metadata: { windowId: window.id },
      });
      const res = await deliver(short.api, localSecret(short.runtime), event);
      expect(res.status).toBe(200);
      const refund = await waitFor(async () => {
        const [r] = await rows<{ status: string; amount_minor: number; provider_refund_id: string | null }>(
          short.runtime,
          `select r.status, r.amount_minor, r.provider_refund_id from payments.refunds r
             join payments.payments p on p.id = r.payment_id where p.window_id = $1`,
          [window.id],
        );
        return r?.status === 'succeeded' ? r : null;
      });
      expect(refund.amount_minor).toBe(18_000);
      expect(refund.provider_refund_id).toMatch(/^re_local_/);
      const [payment] = await rows<{ outcome: string; refunded_minor: number }>(
        short.runtime,
        'select outcome, refunded_minor from payments.payments where window_id = $1',
        [window.id],
      );
      expect(payment).toEqual({ outcome: 'late_refund', refunded_minor: 18_000 });
      const orders = await rows(short.runtime, 'select 1 from orders.orders where window_id = $1', [window.id]);
      expect(orders).toHaveLength(0);
      const note = await rows<{ kind: string }>(
        short.runtime,
        `select kind from notifications.notifications where user_id = $1 and kind = 'refunded'`,
        [buyer.userId],
      );
      expect(note).toHaveLength(1);
      // A redelivery changes nothing.
      expect((await deliver(short.api, localSecret(short.runtime), event)).body.outcome).toBe('duplicate');
    } finally {
      await short.runtime.stop();
    }
  });
});
