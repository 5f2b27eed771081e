import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../platform/errors';
import {
  autoDeliveryAt,
  isShippingOverdue,
  refusal,
  relationOf,
  requireRelation,
  shippingDeadlines,
  statusAfterRefund,
  type OrderAction,
  type Relation,
} from './rules';
import { ORDER_STATUSES, type OrderStatus } from './tables';
import { errorStatus } from '../../platform/http/error-status';

const order = { buyerId: 'buyer', makerId: 'maker' };

describe('who is who on an order', () => {
  it('knows the buyer, the maker and admins; anyone else gets a 404', () => {
    expect(relationOf(order, { userId: 'buyer', roles: ['viewer'] })).toBe('buyer');
    expect(relationOf(order, { userId: 'maker', roles: ['viewer', 'maker', 'admin'] })).toBe('maker');
    expect(relationOf(order, { userId: 'someone', roles: ['viewer', 'admin'] })).toBe('admin');
    expect(relationOf(order, { userId: 'someone', roles: ['viewer', 'maker'] })).toBeNull();
    expect(() => requireRelation(order, { userId: 'someone', roles: [] })).toThrow(
      expect.objectContaining({ code: 'order_not_found' }) as Error,
    );
  });
});

const allowed = (action: OrderAction, relation: Relation): OrderStatus[] =>
  ORDER_STATUSES.filter((status) => refusal(action, relation, status) === null);

describe('what each party may do, in which state', () => {
  it('only the maker ships (or corrects tracking), only the buyer confirms and disputes', () => {
    expect(allowed('ship', 'maker')).toEqual(['paid', 'shipped']);
    expect(allowed('ship', 'buyer')).toEqual([]);
    expect(allowed('ship', 'admin')).toEqual([]);
    expect(allowed('confirm_delivery', 'buyer')).toEqual(['shipped']);
    expect(allowed('confirm_delivery', 'maker')).toEqual([]);
    expect(allowed('dispute', 'buyer')).toEqual(['paid', 'shipped', 'delivered']);
    expect(allowed('dispute', 'maker')).toEqual([]);
  });

  it('the maker cancels and refunds only before shipping; an admin until the sale is settled', () => {
    expect(allowed('cancel', 'maker')).toEqual(['paid']);
    expect(allowed('refund', 'maker')).toEqual(['paid']);
    expect(allowed('cancel', 'admin')).toEqual(['paid', 'shipped', 'delivered', 'disputed']);
    expect(allowed('refund', 'admin')).toEqual(['paid', 'shipped', 'delivered', 'completed', 'cancelled', 'disputed']);
    expect(allowed('cancel', 'buyer')).toEqual([]);
    expect(allowed('refund', 'buyer')).toEqual([]);
  });

  it('answers 403 to the wrong party and 409 to the wrong state', () => {
    expect(errorStatus((refusal('ship', 'buyer', 'paid') as DomainError).code)).toBe(403);
    expect(errorStatus((refusal('ship', 'maker', 'delivered') as DomainError).code)).toBe(409);
    expect((refusal('ship', 'maker', 'delivered') as DomainError).code).toBe('order_not_awaiting_shipment');
  });
});

describe('deadlines', () => {
  const paidAt = new Date('2026-03-01T00:00:00Z');
  const days = (n: number) => n * 86_400;

  it('tracking is due 5 days after payment, with a reminder on day 3', () => {
    const d = shippingDeadlines(paidAt, { reminderSeconds: days(3), overdueSeconds: days(5) });
    expect(d.shippingReminderAt.toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(d.shippingDueAt.toISOString()).toBe('2026-03-06T00:00:00.000Z');
    expect(
      isShippingOverdue({ status: 'paid', shippingDueAt: d.shippingDueAt }, new Date('2026-03-05T23:59:59Z')),
    ).toBe(false);
    expect(isShippingOverdue({ status: 'paid', shippingDueAt: d.shippingDueAt }, d.shippingDueAt)).toBe(true);
    expect(isShippingOverdue({ status: 'shipped', shippingDueAt: d.shippingDueAt }, new Date('2026-04-01Z'))).toBe(
      false,
    );
  });

  it('a shipped order counts as delivered 14 days after shipping', () => {
    expect(autoDeliveryAt(paidAt, days(14)).toISOString()).toBe('2026-03-15T00:00:00.000Z');
  });
});

describe('refunds and status', () => {
  it('turns refunded only when the whole amount is back; a cancelled order stays cancelled', () => {
    expect(statusAfterRefund('paid', 5_000, 10_000)).toBe('paid');
    expect(statusAfterRefund('shipped', 10_000, 10_000)).toBe('refunded');
    expect(statusAfterRefund('completed', 10_000, 10_000)).toBe('refunded');
    expect(statusAfterRefund('cancelled', 10_000, 10_000)).toBe('cancelled');
  });
});
