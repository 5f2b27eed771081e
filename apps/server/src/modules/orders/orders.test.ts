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
} from '../payments/test-support';

const ADMIN = `orders-admin-${Date.now().toString(36)}@example.com`;
const SHIPPING = { name: 'Ada Buyer', line1: '1 Long Lane', city: 'Lyon', postalCode: '69001', country: 'FR' };

interface OrderBody {
  id: string;
  status: string;
  amountMinor: number;
  refundedMinor: number;
  feeMinor?: number;
  shippingAddress: { name: string } | null;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  deliveredBy: string | null;
  shippingOverdue: boolean;
  payoutHeldReason?: string | null;
  receiptUrl: string;
  as: string;
}
interface ErrorBody {
  error: { code: string; details?: Record<string, unknown> };
}

let runtime: Runtime;
let api: Api;
let maker: Session;
let admin: Session;
let stranger: Session;

beforeAll(async () => {
  ({ runtime, api } = await startServer({ env: { ADMIN_EMAILS: ADMIN, PAYMENT_WINDOW_SECONDS: '3600' } }));
  maker = await makerWithTotp(runtime, api, 'orders-maker');
  admin = await signIn(api, 'admin', ADMIN);
  await api.enrolTotp(admin);
  stranger = await signIn(api, 'stranger');
});
afterAll(async () => runtime?.stop());

async function paidOrder(
  r = { runtime, api },
  m = maker,
  price = 20_000,
  buyer?: Session,
): Promise<{ buyer: Session; orderId: string }> {
  const b = buyer ?? (await signIn(r.api, 'orders-buyer'));
  const window = await buyNow(r.api, b, await buyNowStory(r.runtime, r.api, m, price), SHIPPING.country);
  const res = await r.api.call<{ orderId: string }>(
    'POST',
    `/v1/payments/local/${sessionIdOf(window.checkoutUrl!)}/complete`,
    {
      body: { outcome: 'succeeded', shipping: SHIPPING },
    },
  );
  expect(res.status).toBe(200);
  return { buyer: b, orderId: res.body.orderId };
}

const get = (orderId: string, who: Session) =>
  api.call<OrderBody & ErrorBody>('GET', `/v1/orders/${orderId}`, { token: who.accessToken });
const post = <T = OrderBody & ErrorBody>(path: string, who: Session, body?: unknown) =>
  api.call<T>('POST', path, { token: who.accessToken, ...(body === undefined ? {} : { body }) });

describe('who sees an order', () => {
  it('the buyer, the maker and admins; the address only for the parties; anyone else gets 404', async () => {
    const { buyer, orderId } = await paidOrder();
    const asBuyer = await get(orderId, buyer);
    expect(asBuyer.status).toBe(200);
    expect(asBuyer.body).toMatchObject({ as: 'buyer', status: 'paid', shippingAddress: { name: 'Ada Buyer' } });
    expect(asBuyer.body.feeMinor).toBeUndefined();
    const asMaker = await get(orderId, maker);
    expect(asMaker.body).toMatchObject({ as: 'maker', feeMinor: 2_000, shippingAddress: { name: 'Ada Buyer' } });
    const asAdmin = await get(orderId, admin);
    expect(asAdmin.body).toMatchObject({ as: 'admin', shippingAddress: null });
    for (const res of [
      await get(orderId, stranger),
      await post(`/v1/orders/${orderId}/shipment`, stranger, { carrier: 'UPS', trackingNumber: 'X' }),
      await post(`/v1/orders/${orderId}/delivery-confirmation`, stranger),
      await post(`/v1/orders/${orderId}/refunds`, stranger, { reason: 'mine' }),
      await post(`/v1/orders/${orderId}/cancel`, stranger, { reason: 'mine' }),
      await api.call('GET', `/v1/orders/${orderId}/receipt`, { token: stranger.accessToken }),
    ]) {
      expect(res.status).toBe(404);
    }
    expect((await api.call('GET', `/v1/orders/${orderId}`)).status).toBe(401);
  });

  it('the receipt page opens with the link token (city and country for the buyer) and not with a forged one', async () => {
    const { buyer, orderId } = await paidOrder();
    const view = await get(orderId, buyer);
    const page = await runtime.app!.inject({ method: 'GET', url: pathOf(view.body.receiptUrl) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('$200.00');
    expect(page.body).toContain('Lyon, FR');
    expect(page.body).not.toContain('Ada Buyer');
    expect(page.body).not.toContain('Platform fee');
    const forged = view.body.receiptUrl.replace(
      /token=[^&]+/,
      `token=${encodeURIComponent(`${stranger.userId}.buyer.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`)}`,
    );
    expect((await runtime.app!.inject({ method: 'GET', url: pathOf(forged) })).statusCode).toBe(404);
    const adminPage = await api.call<string>('GET', `/v1/orders/${orderId}/receipt`, { token: admin.accessToken });
    expect(adminPage.status).toBe(200);
    expect(adminPage.body).not.toContain('Ada Buyer');
    expect(adminPage.body).toContain('Platform fee');
  });
});

describe('fulfilment', () => {
  it('only the maker ships, only the buyer confirms; completion releases (and records) the payout', async () => {
    const { buyer, orderId } = await paidOrder();
    const tracking = { carrier: 'La Poste', trackingNumber: 'LP123456789FR' };
    expect((await post(`/v1/orders/${orderId}/shipment`, buyer, tracking)).status).toBe(403);
    expect((await post(`/v1/orders/${orderId}/shipment`, admin, tracking)).status).toBe(403);
    const early = await post(`/v1/orders/${orderId}/delivery-confirmation`, buyer);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('order_not_shipped');

    const shipped = await post(`/v1/orders/${orderId}/shipment`, maker, tracking);
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({ status: 'shipped', ...tracking });
    const corrected = await post(`/v1/orders/${orderId}/shipment`, maker, {
      ...tracking,
      trackingNumber: 'LP000000000FR',
    });
    expect(corrected.body).toMatchObject({ status: 'shipped', trackingNumber: 'LP000000000FR' });
    // A known carrier's number is a link to its tracking page, for the buyer too; an unknown one is text.
    const seen = await get(orderId, buyer);
    expect(seen.body.trackingUrl).toBe('https://www.laposte.fr/outils/suivre-vos-envois?code=LP000000000FR');
    const unknown = await post(`/v1/orders/${orderId}/shipment`, maker, {
      carrier: 'Village courier',
      trackingNumber: 'VC-42-2026',
    });
    expect(unknown.body).toMatchObject({ carrier: 'Village courier', trackingNumber: 'VC-42-2026', trackingUrl: null });
    expect((await post(`/v1/orders/${orderId}/delivery-confirmation`, maker)).status).toBe(403);
    // Once shipped, the maker can no longer refund or cancel on their own.
    expect((await post(`/v1/orders/${orderId}/refunds`, maker, { reason: 'oops', amountMinor: 100 })).status).toBe(409);
    expect((await post(`/v1/orders/${orderId}/cancel`, maker, { reason: 'oops' })).status).toBe(409);

    const delivered = await post(`/v1/orders/${orderId}/delivery-confirmation`, buyer);
    expect(delivered.status).toBe(200);
    expect(delivered.body).toMatchObject({ status: 'delivered', deliveredBy: 'buyer' });
    const completed = await waitFor(async () => {
      const o = await get(orderId, maker);
      return o.body.status === 'completed' ? o.body : null;
    });
    expect(completed.payoutHeldReason).toBeNull();
    const [payout] = await rows<{ status: string; amount_minor: number; charge_mode: string; released_at: Date }>(
      runtime,
      'select status, amount_minor, charge_mode, released_at from payments.payouts where order_id = $1',
      [orderId],
    );
    expect(payout).toMatchObject({ status: 'released', amount_minor: 18_000, charge_mode: 'local' });
    const kinds = await rows<{ user_id: string; kind: string }>(
      runtime,
      `select user_id, kind from notifications.notifications where data->>'orderId' = $1 order by created_at`,
      [orderId],
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        { user_id: buyer.userId, kind: 'shipped' },
        { user_id: maker.userId, kind: 'delivered' },
        { user_id: maker.userId, kind: 'payout_released' },
      ]),
    );
    const history = await rows<{ type: string }>(
      runtime,
      'select type from orders.order_events where order_id = $1 order by id',
      [orderId],
    );
    expect(history.map((h) => h.type)).toEqual([
      'paid',
      'shipped',
      'tracking_corrected',
      'tracking_corrected',
      'delivered',
      'completed',
    ]);
  });

  it('a buyer may dispute an open order, which freezes it', async () => {
    const { buyer, orderId } = await paidOrder();
    await post(`/v1/orders/${orderId}/shipment`, maker, { carrier: 'DHL', trackingNumber: 'D1' });
    expect((await post(`/v1/orders/${orderId}/dispute`, maker, { reason: 'not me' })).status).toBe(403);
    const disputed = await post(`/v1/orders/${orderId}/dispute`, buyer, { reason: 'The parcel arrived empty' });
    expect(disputed.body.status).toBe('disputed');
    expect((await post(`/v1/orders/${orderId}/delivery-confirmation`, buyer)).status).toBe(409);
    const list = await api.call<{ items: OrderBody[] }>('GET', '/v1/orders?as=admin&status=disputed', {
      token: admin.accessToken,
    });
    expect(list.body.items.map((o) => o.id)).toContain(orderId);
  });
});

describe('refunds and cancellation', () => {
  it('partial and full refunds stay within what was paid; the maker only before shipping; admins audited', async () => {
    const { buyer, orderId } = await paidOrder(undefined, maker, 10_000);
    expect((await post(`/v1/orders/${orderId}/refunds`, buyer, { reason: 'please', amountMinor: 100 })).status).toBe(
      403,
    );
    const partial = await post<{ refund: { status: string; amountMinor: number }; order: OrderBody }>(
      `/v1/orders/${orderId}/refunds`,
      maker,
      { amountMinor: 2_500, reason: 'small chip' },
    );
    expect(partial.status).toBe(201);
    expect(partial.body.refund).toMatchObject({ status: 'succeeded', amountMinor: 2_500 });
    expect(partial.body.order).toMatchObject({ status: 'paid', refundedMinor: 2_500 });
    const tooMuch = await post(`/v1/orders/${orderId}/refunds`, maker, { amountMinor: 7_501, reason: 'more' });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error).toMatchObject({ code: 'refund_exceeds_payment', details: { refundableMinor: 7_500 } });
    expect((await post(`/v1/orders/${orderId}/refunds`, maker, { amountMinor: 0, reason: 'zero' })).status).toBe(400);

    await post(`/v1/orders/${orderId}/shipment`, maker, { carrier: 'UPS', trackingNumber: '1Z' });
    const rest = await post<{ refund: { amountMinor: number }; order: OrderBody }>(
      `/v1/orders/${orderId}/refunds`,
      admin,
      {
        reason: 'lost in transit',
      },
    );
    expect(rest.status).toBe(201);
    expect(rest.body.refund.amountMinor).toBe(7_500);
    expect(rest.body.order).toMatchObject({ status: 'refunded', refundedMinor: 10_000 });
    const nothing = await post(`/v1/orders/${orderId}/refunds`, admin, { reason: 'again' });
    expect(nothing.status).toBe(409);
    expect(nothing.body.error.code).toBe('order_not_refundable');
    const audit = await rows<{ action: string; actor_id: string; reason: string }>(
      runtime,
      'select action, actor_id, reason from platform.audit_log where target_id = $1',
      [orderId],
    );
    expect(audit).toEqual([{ action: 'order.refund', actor_id: admin.userId, reason: 'lost in transit' }]);
  });

  it('concurrent refunds never add up to more than was paid', async () => {
    const { orderId } = await paidOrder(undefined, maker, 10_000);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        post(`/v1/orders/${orderId}/refunds`, admin, { amountMinor: 3_000, reason: `r${i}` }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 422)).toHaveLength(3);
    const [sum] = await rows<{ total: number }>(
      runtime,
      `select coalesce(sum(r.amount_minor), 0)::int as total from payments.refunds r where r.order_id = $1 and r.status <> 'failed'`,
      [orderId],
    );
    expect(sum!.total).toBe(9_000);
    expect((await get(orderId, admin)).body.refundedMinor).toBe(9_000);
  });

  it('the maker cancels before shipping with a full refund; an admin can cancel a shipped order', async () => {
    const first = await paidOrder(undefined, maker, 8_000);
    const cancelled = await post<{ order: OrderBody; refund: { amountMinor: number; status: string } }>(
      `/v1/orders/${first.orderId}/cancel`,
      maker,
      { reason: 'broke it while packing' },
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.order).toMatchObject({ status: 'cancelled', refundedMinor: 8_000 });
    expect(cancelled.body.refund).toMatchObject({ amountMinor: 8_000, status: 'succeeded' });
    expect(
      (await post(`/v1/orders/${first.orderId}/shipment`, maker, { carrier: 'UPS', trackingNumber: '1' })).status,
    ).toBe(409);

    const second = await paidOrder(undefined, maker, 8_000);
    await post(`/v1/orders/${second.orderId}/shipment`, maker, { carrier: 'UPS', trackingNumber: '2' });
    expect((await post(`/v1/orders/${second.orderId}/cancel`, maker, { reason: 'x' })).status).toBe(409);
    const byAdmin = await post<{ order: OrderBody }>(`/v1/orders/${second.orderId}/cancel`, admin, { reason: 'fraud' });
    expect(byAdmin.body.order).toMatchObject({ status: 'cancelled', refundedMinor: 8_000 });
  });
});

describe('listing', () => {
  it('pages the buyer and maker views newest first by cursor', async () => {
    const buyer = await signIn(api, 'lister');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await paidOrder(undefined, maker, 5_000 + i, buyer)).orderId);
    const page1 = await api.call<{ items: OrderBody[]; nextCursor: string | null }>(
      'GET',
      '/v1/orders?as=buyer&limit=2',
      { token: buyer.accessToken },
    );
    expect(page1.body.items.map((o) => o.id)).toEqual([ids[2], ids[1]]);
    expect(page1.body.nextCursor).toBeTruthy();
    const page2 = await api.call<{ items: OrderBody[]; nextCursor: string | null }>(
      'GET',
      `/v1/orders?as=buyer&limit=2&cursor=${encodeURIComponent(page1.body.nextCursor!)}`,
      { token: buyer.accessToken },
    );
    expect(page2.body.items.map((o) => o.id)).toEqual([ids[0]]);
    expect(page2.body.nextCursor).toBeNull();
    const asMaker = await api.call<{ items: OrderBody[] }>('GET', '/v1/orders?as=maker&limit=50', {
      token: maker.accessToken,
    });
    expect(asMaker.body.items.map((o) => o.id)).toEqual(expect.arrayContaining(ids));
    expect((await api.call('GET', '/v1/orders?as=admin', { token: buyer.accessToken })).status).toBe(403);
    expect((await api.call('GET', '/v1/orders?cursor=nonsense', { token: buyer.accessToken })).status).toBe(400);
  });
});

describe('personal data', () => {
  it('exports the orders and, on deletion, keeps them but erases the address of finished ones', async () => {
    const { buyer, orderId: open } = await paidOrder();
    const done = await paidOrder(undefined, maker, 20_000, buyer);
    await post(`/v1/orders/${done.orderId}/cancel`, maker, { reason: 'sold out' });
    const exported = await api.call<{ orders: { orders: { id: string; shippingAddress?: unknown }[] } }>(
      'GET',
      '/v1/me/export',
      {
        token: buyer.accessToken,
      },
    );
    expect(exported.status).toBe(200);
    expect(exported.body.orders.orders.map((o) => o.id)).toEqual(expect.arrayContaining([open, done.orderId]));
    expect(exported.body.orders.orders[0]!.shippingAddress).toMatchObject({ name: 'Ada Buyer' });

    expect((await api.call('DELETE', '/v1/me', { token: buyer.accessToken })).status).toBe(204);
    const after = await rows<{ id: string; status: string; addr: boolean; erase: boolean }>(
      runtime,
      `select id, status, shipping_address_encrypted is not null as addr, erase_address_on_close as erase
         from orders.orders where id = any($1) order by status`,
      [[open, done.orderId]],
    );
    expect(after).toEqual([
      { id: done.orderId, status: 'cancelled', addr: false, erase: false },
      { id: open, status: 'paid', addr: true, erase: true },
    ]);
    // The open order's address goes once the order closes.
    await post(`/v1/orders/${open}/cancel`, maker, { reason: 'buyer left' });
    const [closed] = await rows<{ addr: boolean }>(
      runtime,
      'select shipping_address_encrypted is not null as addr from orders.orders where id = $1',
      [open],
    );
    expect(closed!.addr).toBe(false);
  });
});
