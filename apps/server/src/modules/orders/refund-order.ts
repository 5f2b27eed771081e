import { recordAudit } from '../../platform/audit';
import type { Caller } from '../../platform/http/types';
import type { RefundView } from '../payments';
import { changeOrder, transition } from './change-order';
import type { OrdersDeps } from './deps';

/**
 * Refunds part or all of an order: an admin at any time (audited), the maker before shipping.
 * The amount is bounded by what is still refundable (concurrent refunds included); the order
 * turns `refunded` once the whole amount is back with the buyer.
 */
export async function refundOrder(
  deps: OrdersDeps,
  caller: Caller,
  orderId: string,
  input: { amountMinor?: number | undefined; reason: string },
) {
  deps.payments.assertAvailable();
  const result = await changeOrder<RefundView>(deps, caller, orderId, 'refund', async (tx, order, relation, now) => {
    const reserved = await deps.payments.requestRefund(tx, {
      paymentId: order.paymentId,
      orderId: order.id,
      amountMinor: input.amountMinor ?? null,
      reason: input.reason,
      requestedBy: caller.userId,
    });
    const details = { refundId: reserved.id, amountMinor: reserved.amountMinor, by: relation };
    if (relation === 'admin') {
      await recordAudit(tx, {
        actorId: caller.userId,
        action: 'order.refund',
        targetType: 'order',
        targetId: order.id,
        reason: input.reason,
        details,
      });
    }
    const updated = await transition(
      tx,
      order,
      {},
      { type: 'refund_requested', actorId: caller.userId, data: details, at: now },
    );
    return { order: updated, result: reserved };
  });
  const refund = await deps.payments.sendRefund(result.result!.id);
  return { order: result.order, relation: result.relation, refund };
}
