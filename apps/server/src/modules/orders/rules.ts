/**
 * Order rules as pure functions: who may do what to an order in which state, and when
 * its deadlines fall. `paid → shipped → delivered → completed`, with `cancelled`, `refunded`
 * and `disputed` branches.
 */
import { DomainError, type ErrorCode } from '../../platform/errors';
import type { OrderStatus } from './tables';

export type Relation = 'buyer' | 'maker' | 'admin';

export interface OrderParties {
  buyerId: string;
  makerId: string;
}

/** How the caller stands to the order; null means the order is none of their business (a 404). */
export function relationOf(order: OrderParties, caller: { userId: string; roles: readonly string[] }): Relation | null {
  if (caller.userId === order.buyerId) return 'buyer';
  if (caller.userId === order.makerId) return 'maker';
  if (caller.roles.includes('admin')) return 'admin';
  return null;
}

/** Strangers learn nothing, not even that the order exists. */
export function requireRelation(order: OrderParties, caller: { userId: string; roles: readonly string[] }): Relation {
  const relation = relationOf(order, caller);
  if (!relation) throw new DomainError('order_not_found', 'No such order');
  return relation;
}

export type OrderAction = 'ship' | 'confirm_delivery' | 'cancel' | 'refund' | 'dispute';

const WHO: Record<OrderAction, readonly Relation[]> = {
  ship: ['maker'],
  confirm_delivery: ['buyer'],
  cancel: ['maker', 'admin'],
  refund: ['maker', 'admin'],
  dispute: ['buyer'],
};

/** The states each party may act from. Admins may cancel or refund until the money is settled. */
function allowedStates(action: OrderAction, relation: Relation): readonly OrderStatus[] {
  switch (action) {
    case 'ship':
      return ['paid', 'shipped']; // shipped: correcting the tracking details
    case 'confirm_delivery':
      return ['shipped'];
    case 'cancel':
      return relation === 'admin' ? ['paid', 'shipped', 'delivered', 'disputed'] : ['paid'];
    case 'refund':
      return relation === 'admin' ? ['paid', 'shipped', 'delivered', 'completed', 'disputed', 'cancelled'] : ['paid'];
    case 'dispute':
      return ['paid', 'shipped', 'delivered'];
    default: {
      const _exhaustive: never = action;
      return _exhaustive;
    }
  }
}

const REFUSAL: Record<OrderAction, { code: ErrorCode; message: string }> = {
  ship: { code: 'order_not_awaiting_shipment', message: 'This order is not waiting to be shipped' },
  confirm_delivery: { code: 'order_not_shipped', message: 'Only a shipped order can be confirmed as delivered' },
  cancel: { code: 'order_not_cancellable', message: 'This order can no longer be cancelled' },
  refund: { code: 'order_not_refundable', message: 'This order cannot be refunded by you in its current state' },
  dispute: { code: 'order_not_disputable', message: 'This order can no longer be disputed' },
};

/** Null when `relation` may do `action` on an order in `status`; otherwise the refusal (403 or 409). */
export function refusal(action: OrderAction, relation: Relation, status: OrderStatus): DomainError | null {
  if (!WHO[action].includes(relation)) {
    return new DomainError('not_allowed_for_party', `Only the ${WHO[action].join(' or ')} can do this`);
  }
  if (!allowedStates(action, relation).includes(status)) {
    return new DomainError(REFUSAL[action].code, REFUSAL[action].message, { status });
  }
  return null;
}

export interface OrderDeadlines {
  shippingReminderAt: Date;
  shippingDueAt: Date;
}

const plusSeconds = (at: Date, seconds: number): Date => new Date(at.getTime() + seconds * 1000);

/** Tracking is due `overdueSeconds` after payment; the maker is reminded at `reminderSeconds`. */
export function shippingDeadlines(
  paidAt: Date,
  config: { reminderSeconds: number; overdueSeconds: number },
): OrderDeadlines {
  return {
    shippingReminderAt: plusSeconds(paidAt, Math.min(config.reminderSeconds, config.overdueSeconds)),
    shippingDueAt: plusSeconds(paidAt, config.overdueSeconds),
  };
}

export function autoDeliveryAt(shippedAt: Date, autoDeliverySeconds: number): Date {
  return plusSeconds(shippedAt, autoDeliverySeconds);
}

/** Overdue: still not shipped when tracking was due. */
export function isShippingOverdue(order: { status: OrderStatus; shippingDueAt: Date }, now: Date): boolean {
  return order.status === 'paid' && now.getTime() >= order.shippingDueAt.getTime();
}

/** The order's status once `refundedMinor` of `amountMinor` is back with the buyer. */
export function statusAfterRefund(status: OrderStatus, refundedMinor: number, amountMinor: number): OrderStatus {
  if (refundedMinor < amountMinor) return status;
  return status === 'cancelled' ? 'cancelled' : 'refunded';
}

/** States in which the order is over: no timers, no more shipping. */
export function isClosed(status: OrderStatus): boolean {
  return status === 'completed' || status === 'cancelled' || status === 'refunded';
}
