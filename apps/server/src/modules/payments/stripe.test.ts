import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/client';
import type { Runtime } from '../../composition/runtime';
import { createReadyMedia } from '../media/test-fixtures';
import { StripeStub } from './stripe-stub';
import {
  buyNow,
  buyNowStory,
  deliver,
  localSecret,
  makerWithTotp,
  rows,
  signIn,
  startServer,
  stripeEvent,
  waitFor,
  type Api,
} from './test-support';

const WEBHOOK_SECRET = 'whsec_test_stub_secret';
const ADMIN = `stripe-admin-${Date.now().toString(36)}@example.com`;

let stub: StripeStub;
let runtime: Runtime;
let api: Api;
let admin: Session;

beforeAll(async () => {
  stub = await new StripeStub().start();
  ({ runtime, api } = await startServer({
    env: {
      STRIPE_SECRET_KEY: 'sk_test_stub',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_BASE: stub.url,
      PAYMENT_WINDOW_SECONDS: '600',
      PLATFORM_FEE_PERCENT: '10',
      ORDER_AUTO_DELIVERY_SECONDS: '3600',
      ADMIN_EMAILS: ADMIN,
    },
  }));
  admin = await signIn(api, 'admin', ADMIN);
  await api.enrolTotp(admin);
});
afterAll(async () => {
  await runtime?.stop();
  await stub?.stop();
});

/** A maker whose Connect account finished onboarding (announced by a signed `account.updated`). */
async function onboardedMaker(who: string): Promise<{ maker: Session; accountId: string }> {
  const maker = await makerWithTotp(runtime, api, who);
  const res = await api.call<{ url: string; account: { accountId: string } }>(
    'POST',
    '/v1/payments/connect/onboarding',
    {
      token: maker.accessToken,
    },
  );
  expect(res.status).toBe(200);
  const accountId = res.body.account.accountId;
  stub.completeOnboarding(accountId);
  const event = stripeEvent('account.updated', {
    id: accountId,
    object: 'account',
    payouts_enabled: true,
    charges_enabled: true,
    details_submitted: true,
  });
  expect((await deliver(api, WEBHOOK_SECRET, event)).body.outcome).toBe('applied');
  return { maker, accountId };
}

/**
 * A maker whose payout was held finishes onboarding: the completion waiting for their account is
 * retried and the order completes. Returns the account id.
 */
async function onboardUntilCompleted(maker: Session, orderId: string): Promise<string> {
  const onboarding = await api.call<{ account: { accountId: string } }>('POST', '/v1/payments/connect/onboarding', {
    token: maker.accessToken,
  });
  const accountId = onboarding.body.account.accountId;
  stub.completeOnboarding(accountId);
  await deliver(
    api,
    WEBHOOK_SECRET,
    stripeEvent('account.updated', {
      id: accountId,
      payouts_enabled: true,
      charges_enabled: true,
      details_submitted: true,
    }),
  );
  await waitFor(async () => {
    const o = await api.call<{ status: string }>('GET', `/v1/orders/${orderId}`, { token: maker.accessToken });
    return o.body.status === 'completed';
  });
  return accountId;
}

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
    collected_information: {
      shipping_details: {
        name: 'Bo Buyer',
        address: { line1: '9 Elm St', city: 'Austin', postal_code: '73301', country: 'US', state: 'TX' },
      },
    },
  });
}

async function sessionOf(windowId: string): Promise<{ provider_session_id: string; charge_mode: string }> {
  const [row] = await rows<{ provider_session_id: string; charge_mode: string }>(
    runtime,
    'select provider_session_id, charge_mode from payments.checkout_sessions where window_id = $1',
    [windowId],
  );
  return row!;
}

describe('Stripe Connect onboarding', () => {
  it('needs TOTP, creates one Express account per maker, and follows account.updated (newest wins)', async () => {
    const noTotp = await signIn(api, 'no-totp-maker');
    await api.call('POST', '/v1/makers', { token: noTotp.accessToken, body: { displayName: 'No TOTP' } });
    const refused = await api.call<{ error: { code: string } }>('POST', '/v1/payments/connect/onboarding', {
      token: noTotp.accessToken,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('totp_required');

    const maker = await makerWithTotp(runtime, api, 'onboarding-maker');
    const first = await api.call<{ url: string; account: { accountId: string; payoutsEnabled: boolean } }>(
      'POST',
      '/v1/payments/connect/onboarding',
      { token: maker.accessToken },
    );
    expect(first.status).toBe(200);
    expect(first.body.url).toBe(`https://connect.stripe.test/setup/${first.body.account.accountId}`);
    expect(first.body.account.payoutsEnabled).toBe(false);
    const again = await api.call<{ account: { accountId: string } }>('POST', '/v1/payments/connect/onboarding', {
      token: maker.accessToken,
    });
    expect(again.body.account.accountId).toBe(first.body.account.accountId);
    const creations = stub.calls('POST', '/v1/accounts').filter((r) => r.params['metadata[makerId]'] === maker.userId);
    expect(creations).toHaveLength(1);
    expect(creations[0]!.idempotencyKey).toBe(`account:${maker.userId}`);
    expect(creations[0]!.params.type).toBe('express');

    const accountId = first.body.account.accountId;
    const now = Date.now();
    const newer = stripeEvent(
      'account.updated',
      { id: accountId, payouts_enabled: true, charges_enabled: true, details_submitted: true },
      new Date(now),
    );
    const older = stripeEvent(
      'account.updated',
      { id: accountId, payouts_enabled: false, charges_enabled: false, details_submitted: false },
      new Date(now - 60_000),
    );
    expect((await deliver(api, WEBHOOK_SECRET, newer)).status).toBe(200);
    expect((await deliver(api, WEBHOOK_SECRET, older)).status).toBe(200);
    const account = await api.call<{ payoutsEnabled: boolean }>('GET', '/v1/payments/connect/account', {
      token: maker.accessToken,
    });
    expect(account.body.payoutsEnabled).toBe(true);
  });
});

describe('Checkout Sessions', () => {
  it('one destination-charge session per window: fee, maker account, shipping, expiry floor, idempotency key', async () => {
    const { maker, accountId } = await onboardedMaker('dest-maker');
    const buyer = await signIn(api, 'dest-buyer');
    const storyId = await buyNowStory(runtime, api, maker, 40_000, 'Indigo scarf');
    const before = Date.now();
    const window = await buyNow(api, buyer, storyId);
    expect(window.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_stub_\d+$/);

    const views = await Promise.all(
      Array.from({ length: 6 }, () =>
        api.call<{ checkoutUrl: string }>('GET', `/v1/payment-windows/${window.id}`, { token: buyer.accessToken }),
      ),
    );
    expect(new Set(views.map((v) => v.body.checkoutUrl))).toEqual(new Set([window.checkoutUrl]));
    const creates = stub
      .calls('POST', '/v1/checkout/sessions')
      .filter((r) => r.params['metadata[windowId]'] === window.id);
    expect(creates.length).toBeGreaterThanOrEqual(1);
    expect(new Set(creates.map((r) => r.idempotencyKey))).toEqual(new Set([`checkout:${window.id}`]));
    const p = creates[0]!.params;
    expect(p.mode).toBe('payment');
    expect(p['line_items[0][price_data][unit_amount]']).toBe('40000');
    expect(p['line_items[0][price_data][currency]']).toBe('usd');
    expect(p['line_items[0][price_data][product_data][name]']).toBe('Indigo scarf');
    expect(p['payment_intent_data[application_fee_amount]']).toBe('4000');
    expect(p['payment_intent_data[transfer_data][destination]']).toBe(accountId);
    expect(p['payment_intent_data[metadata][windowId]']).toBe(window.id);
    expect(p['shipping_address_collection[allowed_countries][0]']).toMatch(/^[A-Z]{2}$/);
    // The window is 10 minutes; Stripe needs at least 30, so the session's end was raised.
    expect(Number(p.expires_at) * 1000).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(Number(p.expires_at) * 1000).toBeGreaterThan(Date.parse(window.expiresAt));
    expect((await sessionOf(window.id)).charge_mode).toBe('destination');
  });

  it('a paid destination charge becomes an order; refunds reverse the transfer and are not counted twice', async () => {
    const { maker } = await onboardedMaker('refund-maker');
    const buyer = await signIn(api, 'refund-buyer');
    const window = await buyNow(api, buyer, await buyNowStory(runtime, api, maker, 20_000));
    const { provider_session_id: sessionId } = await sessionOf(window.id);
    expect((await deliver(api, WEBHOOK_SECRET, completedEvent(window, sessionId, 'pi_refund_1'))).body.outcome).toBe(
      'applied',
    );
    const [order] = await rows<{ id: string }>(runtime, 'select id from orders.orders where window_id = $1', [
      window.id,
    ]);

    const refund = await api.call<{
      refund: { id: string; status: string; amountMinor: number };
      order: { refundedMinor: number; status: string };
    }>('POST', `/v1/orders/${order!.id}/refunds`, {
      token: admin.accessToken,
      body: { amountMinor: 5_000, reason: 'scratched' },
    });
    expect(refund.status).toBe(201);
    expect(refund.body.refund).toMatchObject({ status: 'succeeded', amountMinor: 5_000 });
    expect(refund.body.order).toMatchObject({ refundedMinor: 5_000, status: 'paid' });
    const [call] = stub.calls('POST', '/v1/refunds').filter((r) => r.params.payment_intent === 'pi_refund_1');
    expect(call!.params).toMatchObject({ amount: '5000', reverse_transfer: 'true', refund_application_fee: 'true' });
    expect(call!.idempotencyKey).toBe(`refund:${refund.body.refund.id}`);

    // Stripe then reports the charge's cumulative refund: nothing changes.
    const reported = stripeEvent('charge.refunded', {
      id: 'ch_refund_1',
      payment_intent: 'pi_refund_1',
      amount: 20_000,
      amount_refunded: 5_000,
    });
    expect((await deliver(api, WEBHOOK_SECRET, reported)).body.outcome).toBe('applied');
    const view = await api.call<{ refundedMinor: number }>('GET', `/v1/orders/${order!.id}`, {
      token: buyer.accessToken,
    });
    expect(view.body.refundedMinor).toBe(5_000);
    const audit = await rows<{ action: string }>(
      runtime,
      'select action from platform.audit_log where target_id = $1',
      [order!.id],
    );
    expect(audit.map((a) => a.action)).toContain('order.refund');
  });

  it('without a ready payout account the platform holds the money, and transfers it when the order completes', async () => {
    const maker = await makerWithTotp(runtime, api, 'separate-maker');
    const buyer = await signIn(api, 'separate-buyer');
    const window = await buyNow(api, buyer, await buyNowStory(runtime, api, maker, 30_000));
    const session = await sessionOf(window.id);
    expect(session.charge_mode).toBe('separate');
    const create = stub
      .calls('POST', '/v1/checkout/sessions')
      .find((r) => r.params['metadata[windowId]'] === window.id)!;
    expect(create.params['payment_intent_data[transfer_data][destination]']).toBeUndefined();
    expect(create.params['payment_intent_data[transfer_group]']).toBe(window.id);
    await deliver(api, WEBHOOK_SECRET, completedEvent(window, session.provider_session_id, 'pi_separate_1'));
    const [order] = await rows<{ id: string }>(runtime, 'select id from orders.orders where window_id = $1', [
      window.id,
    ]);
    const orderId = order!.id;
    await api.call('POST', `/v1/orders/${orderId}/shipment`, {
      token: maker.accessToken,
      body: { carrier: 'UPS', trackingNumber: '1Z999' },
    });
    const confirmed = await api.call<{ status: string }>('POST', `/v1/orders/${orderId}/delivery-confirmation`, {
      token: buyer.accessToken,
    });
    expect(confirmed.body.status).toBe('delivered');
    const held = await waitFor(async () => {
      const o = await api.call<{ status: string; payoutHeldReason: string | null }>('GET', `/v1/orders/${orderId}`, {
        token: maker.accessToken,
      });
      return o.body.payoutHeldReason ? o.body : null;
    });
    expect(held).toMatchObject({ status: 'delivered', payoutHeldReason: 'payout_account_not_ready' });

    // The maker finishes onboarding: the held completion is retried and the share transferred.
    const accountId = await onboardUntilCompleted(maker, orderId);
    const transfers = stub.calls('POST', '/v1/transfers').filter((r) => r.params.transfer_group === window.id);
    expect(transfers.length).toBeGreaterThanOrEqual(1);
    expect(new Set(transfers.map((t) => t.idempotencyKey))).toEqual(new Set([`payout:${orderId}`]));
    expect(transfers[0]!.params).toMatchObject({ amount: '27000', destination: accountId, currency: 'usd' });
    const [payout] = await rows<{ status: string; amount_minor: number; transfer_id: string }>(
      runtime,
      'select status, amount_minor, transfer_id from payments.payouts where order_id = $1',
      [orderId],
    );
    expect(payout).toMatchObject({ status: 'released', amount_minor: 27_000 });
    expect(payout!.transfer_id).toMatch(/^tr_stub_/);
  });
});

/** A published buy-now story shipping from the US: 15.00 at home, 40.00 abroad. */
async function shippingStory(maker: Session, buyNowMinor: number): Promise<string> {
  const heroMediaId = await createReadyMedia(runtime, maker.userId);
  const res = await api.call<{ id: string }>('POST', '/v1/stories', {
    token: maker.accessToken,
    body: {
      title: 'Oak stool',
      category: 'woodwork',
      heroMediaId,
      offerPolicy: { minOfferMinor: 10_000, currency: 'USD', autoRejectBelowMin: true },
      buyNowMinor,
      shipping: {
        fromCountry: 'US',
        options: [
          { region: 'domestic', amountMinor: 1_500, dispatchDays: 2 },
          { region: 'international', amountMinor: 4_000, dispatchDays: 5 },
        ],
      },
    },
  });
  expect(res.status).toBe(201);
  expect((await api.call('POST', `/v1/stories/${res.body.id}/publish`, { token: maker.accessToken })).status).toBe(200);
  return res.body.id;
}

describe('shipping at checkout', () => {
  it('charges the piece and shipping as separate lines, the fee on the piece only, to an address in the quoted country', async () => {
    const { maker } = await onboardedMaker('ship-dest-maker');
    const buyer = await signIn(api, 'ship-dest-buyer');
    const window = await buyNow(api, buyer, await shippingStory(maker, 30_000), 'GB');
    expect(window).toMatchObject({ amountMinor: 30_000 });
    const create = stub
      .calls('POST', '/v1/checkout/sessions')
      .find((r) => r.params['metadata[windowId]'] === window.id)!;
    const p = create.params;
    expect(p['line_items[0][price_data][unit_amount]']).toBe('30000');
    expect(p['shipping_options[0][shipping_rate_data][type]']).toBe('fixed_amount');
    expect(p['shipping_options[0][shipping_rate_data][fixed_amount][amount]']).toBe('4000');
    expect(p['shipping_options[0][shipping_rate_data][fixed_amount][currency]']).toBe('usd');
    // The address can only be in the country the shipping was quoted for.
    expect(p['shipping_address_collection[allowed_countries][0]']).toBe('GB');
    expect(p['shipping_address_collection[allowed_countries][1]']).toBeUndefined();
    // 10% of the piece's 300.00; shipping passes to the maker whole.
    expect(p['payment_intent_data[application_fee_amount]']).toBe('3000');

    const { provider_session_id: sessionId } = await sessionOf(window.id);
    const paid = completedEvent({ id: window.id, amountMinor: 34_000 }, sessionId, 'pi_ship_dest');
    expect((await deliver(api, WEBHOOK_SECRET, paid)).body.outcome).toBe('applied');
    const [row] = await rows<{ id: string }>(runtime, 'select id from orders.orders where window_id = $1', [window.id]);
    const order = await api.call<{ amountMinor: number; itemMinor: number; shippingMinor: number; feeMinor: number }>(
      'GET',
      `/v1/orders/${row!.id}`,
      { token: maker.accessToken },
    );
    expect(order.body).toMatchObject({ amountMinor: 34_000, itemMinor: 30_000, shippingMinor: 4_000, feeMinor: 3_000 });

    // A full refund gives back everything paid, shipping included.
    const refund = await api.call<{ refund: { amountMinor: number }; order: { status: string } }>(
      'POST',
      `/v1/orders/${row!.id}/refunds`,
      { token: admin.accessToken, body: { reason: 'lost in the post' } },
    );
    expect(refund.status).toBe(201);
    expect(refund.body.refund.amountMinor).toBe(34_000);
    expect(refund.body.order.status).toBe('refunded');
  });

  it('a held payment transfers the piece less the fee plus the shipping to the maker', async () => {
    const maker = await makerWithTotp(runtime, api, 'ship-separate-maker');
    const buyer = await signIn(api, 'ship-separate-buyer'); // the account says US: domestic shipping
    const window = await buyNow(api, buyer, await shippingStory(maker, 20_000));
    const { provider_session_id: sessionId } = await sessionOf(window.id);
    const create = stub
      .calls('POST', '/v1/checkout/sessions')
      .find((r) => r.params['metadata[windowId]'] === window.id)!;
    expect(create.params['shipping_options[0][shipping_rate_data][fixed_amount][amount]']).toBe('1500');
    expect(create.params['shipping_address_collection[allowed_countries][0]']).toBe('US');
    await deliver(
      api,
      WEBHOOK_SECRET,
      completedEvent({ id: window.id, amountMinor: 21_500 }, sessionId, 'pi_ship_sep'),
    );
    const [row] = await rows<{ id: string }>(runtime, 'select id from orders.orders where window_id = $1', [window.id]);
    const orderId = row!.id;
    await api.call('POST', `/v1/orders/${orderId}/shipment`, {
      token: maker.accessToken,
      body: { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' },
    });
    await api.call('POST', `/v1/orders/${orderId}/delivery-confirmation`, { token: buyer.accessToken });
    const accountId = await onboardUntilCompleted(maker, orderId);
    const [transfer] = stub.calls('POST', '/v1/transfers').filter((r) => r.params.transfer_group === window.id);
    // 200.00 + 15.00 shipping − 20.00 fee (10% of the piece).
    expect(transfer!.params).toMatchObject({ amount: '19500', destination: accountId });
  });
});

describe('webhook verification with the Stripe endpoint secret', () => {
  it('refuses events signed with anything else, or too long ago', async () => {
    const event = stripeEvent('customer.created', { id: 'cus_x' });
    expect((await deliver(api, localSecret(runtime), event)).status).toBe(400);
    expect((await deliver(api, WEBHOOK_SECRET, event, new Date(Date.now() - 301_000))).status).toBe(400);
    expect((await deliver(api, WEBHOOK_SECRET, event)).status).toBe(200);
  });
});

describe('a Stripe outage', () => {
  it('answers 503 payments_unavailable for payment features only, and stops calling Stripe once the circuit opens', async () => {
    const maker = await makerWithTotp(runtime, api, 'outage-maker');
    const buyer = await signIn(api, 'outage-buyer');
    const paidEarlier = await buyNow(api, buyer, await buyNowStory(runtime, api, maker, 15_000));
    const storyId = await buyNowStory(runtime, api, maker, 16_000);
    stub.down = true;
    try {
      // Buying still reserves the piece; its checkout is simply not there yet.
      const bought = await buyNow(api, buyer, storyId);
      expect(bought.checkoutUrl).toBeNull();
      for (let i = 0; i < 6; i++) {
        const res = await api.call<{ error: { code: string } }>('GET', `/v1/payment-windows/${bought.id}`, {
          token: buyer.accessToken,
        });
        expect(res.status).toBe(503);
        expect(res.body.error.code).toBe('payments_unavailable');
        expect(res.headers['retry-after']).toBeDefined();
      }
      const callsWhileOpen = stub.requests.length;
      const fast = await api.call('GET', `/v1/payment-windows/${bought.id}`, { token: buyer.accessToken });
      expect(fast.status).toBe(503);
      expect(stub.requests.length).toBe(callsWhileOpen);
      // A session already made needs no Stripe call; the rest of the product is unaffected.
      const stored = await api.call<{ checkoutUrl: string }>('GET', `/v1/payment-windows/${paidEarlier.id}`, {
        token: buyer.accessToken,
      });
      expect(stored.status).toBe(200);
      expect(stored.body.checkoutUrl).toBe(paidEarlier.checkoutUrl);
      expect((await api.call('GET', '/v1/orders?as=buyer', { token: buyer.accessToken })).status).toBe(200);
      expect((await api.call('GET', '/v1/feed')).status).toBe(200);
    } finally {
      stub.down = false;
    }
  });
});
