/** What the payments module calls on orders inside its own transactions (the `OrdersPort`). */
import type { Executor } from '../../platform/db/client';
import { enqueue } from '../../platform/jobs';
import { money } from '../../platform/i18n';
import type { OrdersPort } from '../payments';
import { transition } from './change-order';
import { createOrderFromPayment } from './create-order';
import { orderUpdated, type LiveMessage, type OrdersDeps } from './deps';
import { notice } from '../notifications';
import { orderMessages } from './messages';
import { disputeFromProvider } from './dispute-order';
import { deliveredOrdersOfMaker, findOrderByPayment } from './repo';
import { statusAfterRefund } from './rules';
import { ORDER_TASKS, orderJobKey } from './tasks';

/** Money came back to the buyer: the order's refunded total rises, and turns `refunded` when whole. */
async function refundSettled(
  deps: OrdersDeps,
  tx: Executor,
  input: { paymentId: string; refundedMinor: number; refundId: string | null },
): Promise<LiveMessage[]> {
  const order = await findOrderByPayment(tx, input.paymentId);
  if (!order || input.refundedMinor <= order.refundedMinor) return [];
  const now = deps.clock.now();
  const status = statusAfterRefund(order.status, input.refundedMinor, order.amountMinor);
  const updated = await transition(
    tx,
    order,
    {
      refundedMinor: input.refundedMinor,
      status,
      ...(status === 'refunded' && order.status !== 'refunded' ? { refundedAt: now } : {}),
    },
    {
      type: 'refunded',
      actorId: null,
      data: { refundedMinor: input.refundedMinor, refundId: input.refundId },
      at: now,
    },
  );
  if (order.status !== 'cancelled') {
    await deps.notifications.notify(tx, {
      userId: order.buyerId,
      kind: 'refunded',
      message: notice(orderMessages, status === 'refunded' ? 'refundedFull' : 'refundedPartly', {
        title: order.itemTitle,
        refunded: money(input.refundedMinor, order.currency),
        amount: money(order.amountMinor, order.currency),
      }),
      data: { orderId: order.id, refundedMinor: input.refundedMinor, currency: order.currency },
      link: `/orders/${order.id}`,
      dedupeKey: `order-refund:${order.id}:${input.refundedMinor}`,
    });
  }
  return orderUpdated(updated);
}

export function paymentHooks(deps: OrdersDeps): OrdersPort {
  return {
    createFromPayment: (tx, input) => createOrderFromPayment(deps, tx, input),
    refundSettled: (tx, input) => refundSettled(deps, tx, input),
    disputeOpened: (tx, input) => disputeFromProvider(deps, tx, input),
    payoutsEnabled: async (tx, makerId) => {
      for (const orderId of await deliveredOrdersOfMaker(tx, makerId)) {
        await enqueue(
          tx,
          ORDER_TASKS.complete,
          { orderId },
          { jobKey: orderJobKey.complete(orderId), maxAttempts: 20 },
        );
      }
    },
  };
}
