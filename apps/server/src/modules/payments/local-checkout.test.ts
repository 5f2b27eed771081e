import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/client';
import type { Runtime } from '../../composition/runtime';
import {
  buyNow,
  buyNowStory,
  makerWithTotp,
  pathOf,
  rows,
  sessionIdOf,
  signIn,
  startServer,
  waitFor,
  type Api,
} from './test-support';

let runtime: Runtime;
let api: Api;
let maker: Session;

beforeAll(async () => {
  ({ runtime, api } = await startServer({ env: { PAYMENT_WINDOW_SECONDS: '3600' } }));
  maker = await makerWithTotp(runtime, api, 'local-maker');
});
afterAll(async () => runtime?.stop());

async function openWindow(price = 25_000, title = 'A walnut bowl') {
  const buyer = await signIn(api, 'local-buyer');
  const storyId = await buyNowStory(runtime, api, maker, price, title);
  const window = await buyNow(api, buyer, storyId, 'FR');
  expect(window.checkoutUrl).toMatch(/\/v1\/payments\/local\/cs_local_[a-f0-9]{24}$/);
  return { buyer, storyId, window, sessionId: sessionIdOf(window.checkoutUrl!) };
}

const counts = async (windowId: string) => {
  const [p] = await rows<{ n: number }>(
    runtime,
    'select count(*)::int as n from payments.payments where window_id = $1',
    [windowId],
  );
  const [o] = await rows<{ n: number }>(runtime, 'select count(*)::int as n from orders.orders where window_id = $1', [
    windowId,
  ]);
  return { payments: p!.n, orders: o!.n };
};

describe('local provider checkout', () => {
  it('serves an accessible checkout page with the amount, the item and a shipping form', async () => {
    const { window } = await openWindow(123_456, 'Bowl <script>alert(1)</script> & co');
    const res = await runtime.app!.inject({ method: 'GET', url: pathOf(window.checkoutUrl!) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const html = res.body;
    expect(html).toContain('$1,234.56');
    expect(html).toContain('USD');
    expect(html).toMatch(/<form [^>]*method="post"[^>]*action="\/v1\/payments\/local\/cs_local_[a-f0-9]+\/complete"/);
    for (const field of ['name', 'line1', 'line2', 'city', 'postalCode', 'country']) {
      expect(html).toMatch(new RegExp(`<label for="ship-${field}">`));
      expect(html).toContain(`id="ship-${field}" name="${field}"`);
    }
    expect(html).toContain('value="succeeded"');
    expect(html).toContain('value="failed"');
    // Escaped content, no scripts of ours (CSP: no inline scripts).
    expect(html).toContain('Bowl &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('name="viewport"');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('takes an address only in the country the shipping was quoted for', async () => {
    const { window, sessionId } = await openWindow();
    const elsewhere = { name: 'Ada Buyer', line1: '1 Long Lane', city: 'Köln', postalCode: '50667', country: 'DE' };
    const res = await api.call<{ error: { code: string } }>('POST', `/v1/payments/local/${sessionId}/complete`, {
      body: { outcome: 'succeeded', shipping: elsewhere },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('not_shipped_to_country');
    expect(await counts(window.id)).toEqual({ payments: 0, orders: 0 });
    const form = await runtime.app!.inject({
      method: 'POST',
      url: `/v1/payments/local/${sessionId}/complete`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ outcome: 'succeeded', ...elsewhere, line2: '' }).toString(),
    });
    expect(form.statusCode).toBe(400);
    expect(form.body).toContain('Shipping was quoted for FR');
    expect(await counts(window.id)).toEqual({ payments: 0, orders: 0 });
  });

  it('a successful payment creates the payment and the order once, with the address encrypted', async () => {
    const { buyer, window, sessionId } = await openWindow();
    const shipping = { name: 'Ada Buyer', line1: '1 Long Lane', city: 'Lyon', postalCode: '69001', country: 'fr' };
    const res = await api.call<{ status: string; orderId: string; receiptUrl: string }>(
      'POST',
      `/v1/payments/local/${sessionId}/complete`,
      { body: { outcome: 'succeeded', shipping } },
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('succeeded');
    expect(res.body.orderId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await counts(window.id)).toEqual({ payments: 1, orders: 1 });

    const order = await api.call<{
      status: string;
      amountMinor: number;
      shippingAddress: { country: string; name: string };
    }>('GET', `/v1/orders/${res.body.orderId}`, { token: buyer.accessToken });
    expect(order.status).toBe(200);
    expect(order.body.status).toBe('paid');
    expect(order.body.amountMinor).toBe(25_000);
    expect(order.body.shippingAddress).toMatchObject({ name: 'Ada Buyer', country: 'FR' });
    const [stored] = await rows<{ shipping_address_encrypted: string }>(
      runtime,
      'select shipping_address_encrypted from orders.orders where id = $1',
      [res.body.orderId],
    );
    expect(stored!.shipping_address_encrypted).not.toContain('Ada');

    // The window is paid (auctions' view), and paying again changes nothing.
    const paidWindow = await api.call<{ status: string; checkoutUrl: string | null }>(
      'GET',
      `/v1/payment-windows/${window.id}`,
      {
        token: buyer.accessToken,
      },
    );
    expect(paidWindow.body.status).toBe('paid');
    const again = await api.call<{ orderId: string }>('POST', `/v1/payments/local/${sessionId}/complete`, {
      body: { outcome: 'succeeded' },
    });
    expect(again.body.orderId).toBe(res.body.orderId);
    expect(await counts(window.id)).toEqual({ payments: 1, orders: 1 });

    // Receipt email to the buyer, notifications to both parties.
    const email = await rows<{ email: string }>(runtime, 'select email from identity.users where id = $1', [
      buyer.userId,
    ]);
    await waitFor(async () => {
      const box = await api.call<{ messages: { subject: string }[] }>(
        'GET',
        `/v1/dev/mailbox?to=${encodeURIComponent(email[0]!.email)}`,
      );
      return box.body.messages.some((m) => m.subject.startsWith('Your receipt for A walnut bowl'));
    });
    const kinds = await rows<{ user_id: string; kind: string }>(
      runtime,
      `select user_id, kind from notifications.notifications where data->>'orderId' = $1`,
      [res.body.orderId],
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        { user_id: buyer.userId, kind: 'payment_received' },
        { user_id: maker.userId, kind: 'payment_received' },
      ]),
    );
  });

  it('a declined payment creates nothing and leaves the window open until it expires', async () => {
    const { buyer, window, sessionId } = await openWindow();
    const res = await api.call<{ status: string; orderId: string | null }>(
      'POST',
      `/v1/payments/local/${sessionId}/complete`,
      {
        body: { outcome: 'failed' },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'failed', orderId: null });
    expect(await counts(window.id)).toEqual({ payments: 0, orders: 0 });
    const w = await api.call<{ status: string }>('GET', `/v1/payment-windows/${window.id}`, {
      token: buyer.accessToken,
    });
    expect(w.body.status).toBe('open');
    const page = await runtime.app!.inject({ method: 'GET', url: `/v1/payments/local/${sessionId}` });
    expect(page.body).toContain('The payment was declined');
    // The buyer may try again.
    const retry = await api.call<{ status: string }>('POST', `/v1/payments/local/${sessionId}/complete`, {
      body: { outcome: 'succeeded' },
    });
    expect(retry.body.status).toBe('succeeded');
    expect(await counts(window.id)).toEqual({ payments: 1, orders: 1 });
  });

  it('the form post validates the address, then redirects to the receipt', async () => {
    const { window, sessionId } = await openWindow();
    const url = `/v1/payments/local/${sessionId}/complete`;
    const form = (fields: Record<string, string>) =>
      runtime.app!.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      });
    const bad = await form({
      outcome: 'succeeded',
      name: 'Ada',
      line1: '',
      city: 'Lyon',
      postalCode: '69001',
      country: 'France',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/text\/html/);
    expect(bad.body).toContain('role="alert"');
    expect(bad.body).toContain('id="ship-country-error"');
    expect(bad.body).toContain('value="Ada"');
    expect(await counts(window.id)).toEqual({ payments: 0, orders: 0 });

    const ok = await form({
      outcome: 'succeeded',
      name: 'Ada',
      line1: '1 Rue',
      line2: '',
      city: 'Lyon',
      postalCode: '69001',
      country: 'FR',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/v1/payments/local/${sessionId}/receipt`);
    const receipt = await runtime.app!.inject({ method: 'GET', url: String(ok.headers.location) });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body).toContain('Payment received');
    expect(receipt.body).toContain('$250.00');
    expect(await counts(window.id)).toEqual({ payments: 1, orders: 1 });
  });

  it('unknown sessions are 404 and bad outcomes 400', async () => {
    const missing = await api.call('GET', `/v1/payments/local/cs_local_${'0'.repeat(24)}`);
    expect(missing.status).toBe(404);
    const { sessionId } = await openWindow();
    const bad = await api.call('POST', `/v1/payments/local/${sessionId}/complete`, { body: { outcome: 'maybe' } });
    expect(bad.status).toBe(400);
  });
});
