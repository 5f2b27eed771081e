import { describe, expect, it } from 'vitest';
import type { Session } from '../../../test/client';
import type { Runtime } from '../../composition/runtime';
import {
  buyNow,
  buyNowStory,
  makerWithTotp,
  rows,
  sessionIdOf,
  signIn,
  startServer,
  waitFor,
  type Api,
} from '../payments/test-support';

const SHIPPING = { name: 'Ada Buyer', line1: '1 Long Lane', city: 'Lyon', postalCode: '69001', country: 'FR' };

interface OrderBody {
  id: string;
  status: string;
  deliveredBy: string | null;
  shippingOverdue: boolean;
}

async function paidOrder(
  r: { runtime: Runtime; api: Api },
  m: Session,
  price: number,
): Promise<{ buyer: Session; orderId: string }> {
  const buyer = await signIn(r.api, 'sla-buyer');
  const window = await buyNow(r.api, buyer, await buyNowStory(r.runtime, r.api, m, price), SHIPPING.country);
  const res = await r.api.call<{ orderId: string }>(
    'POST',
    `/v1/payments/local/${sessionIdOf(window.checkoutUrl!)}/complete`,
    {
      body: { outcome: 'succeeded', shipping: SHIPPING },
    },
  );
  expect(res.status).toBe(200);
  return { buyer, orderId: res.body.orderId };
}

describe('timers: shipping SLA and automatic delivery', () => {
  it('reminds the maker, flags an overdue order to the maker and admins, and delivers automatically after shipping', async () => {
    const admin2 = `sla-admin-${Date.now().toString(36)}@example.com`;
    const fast = await startServer({
      env: {
        ADMIN_EMAILS: admin2,
        PAYMENT_WINDOW_SECONDS: '3600',
        SHIPPING_REMINDER_SECONDS: '1',
        SHIPPING_OVERDUE_SECONDS: '2',
        ORDER_AUTO_DELIVERY_SECONDS: '1',
      },
    });
    try {
      const slaAdmin = await signIn(fast.api, 'admin', admin2);
      const m = await makerWithTotp(fast.runtime, fast.api, 'sla-maker');
      const { buyer, orderId } = await paidOrder(fast, m, 9_000);
      const notified = async (userId: string, kind: string) =>
        (
          await rows(
            fast.runtime,
            `select 1 from notifications.notifications where user_id = $1 and kind = $2 and data->>'orderId' = $3`,
            [userId, kind, orderId],
          )
        ).length;
      await waitFor(async () => (await notified(m.userId, 'shipping_reminder')) === 1);
      await waitFor(async () => (await notified(slaAdmin.userId, 'shipping_overdue')) === 1);
      expect(await notified(m.userId, 'shipping_overdue')).toBe(1);
      const overdue = await fast.api.call<OrderBody>('GET', `/v1/orders/${orderId}`, { token: m.accessToken });
      expect(overdue.body).toMatchObject({ status: 'paid', shippingOverdue: true });
      const [flag] = await rows<{ overdue_flagged_at: Date | null }>(
        fast.runtime,
        'select overdue_flagged_at from orders.orders where id = $1',
        [orderId],
      );
      expect(flag!.overdue_flagged_at).not.toBeNull();

      await fast.api.call('POST', `/v1/orders/${orderId}/shipment`, {
        token: m.accessToken,
        body: { carrier: 'UPS', trackingNumber: 'Z1' },
      });
      const done = await waitFor(async () => {
        const o = await fast.api.call<OrderBody>('GET', `/v1/orders/${orderId}`, { token: buyer.accessToken });
        return o.body.status === 'completed' ? o.body : null;
      });
      expect(done.deliveredBy).toBe('automatic');
      // The sweep finds nothing left to do, and re-running it changes nothing.
      const history = await rows<{ type: string }>(
        fast.runtime,
        'select type from orders.order_events where order_id = $1 order by id',
        [orderId],
      );
      expect(history.map((h) => h.type)).toEqual(['paid', 'shipping_overdue', 'shipped', 'delivered', 'completed']);
    } finally {
      await fast.runtime.stop();
    }
  });
});
