import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import type { Caller } from '../../platform/http/types';
import type { RefundView } from '../payments';
import { changeOrder, transition } from './change-order';
import type { OrdersDeps } from './deps';
import { notice } from '../notifications';
import { orderMessages } from './messages';

/**
 * Cancels an order and refunds the buyer whatever is still refundable: the maker before shipping,
 * an admin until the order completes (audited). The refund is sent after commit; if the provider
 * is down it stays pending and is retried.
 */
export async function cancelOrder(deps: OrdersDeps, caller: Caller, orderId: string, reason: string) {
  deps.payments.assertAvailable();
  const result = await changeOrder<RefundView | null>(
    deps,
    caller,
    orderId,
    'cancel',
    async (tx, order, relation, now) => {
      const cancelled = await transition(
        tx,
        order,
        { status: 'cancelled', cancelledAt: now },
        { type: 'cancelled', actorId: caller.userId, data: { reason, by: relation }, at: now },
      );
      let refund: RefundView | null = null;
      try {
        refund = await deps.payments.requestRefund(tx, {
          paymentId: order.paymentId,
          orderId: order.id,
          amountMinor: null,
          reason: `cancelled: ${reason}`,
          requestedBy: caller.userId,
        });
      } catch (err) {
        // Already refunded in full: cancelling needs no further money movement.
        if (!(err instanceof DomainError && err.code === 'nothing_to_refund')) throw err;
      }
      if (relation === 'admin') {
        await recordAudit(tx, {
          actorId: caller.userId,
          action: 'order.cancel',
          targetType: 'order',
          targetId: order.id,
          reason,
        });
      }
      await deps.notifications.notify(tx, {
        userId: order.buyerId,
        kind: 'refunded',
        message: notice(orderMessages, 'cancelled', { title: order.itemTitle }),
        data: { orderId: order.id },
        link: `/orders/${order.id}`,
        dedupeKey: `order-cancelled:${order.id}`,
      });
      return { order: cancelled, result: refund };
    },
  );
  const refund = result.result ? await deps.payments.sendRefund(result.result.id) : null;
  return { order: result.order, relation: result.relation, refund };
}
