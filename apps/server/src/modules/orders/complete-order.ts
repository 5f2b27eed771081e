import { transition } from './change-order';
import { orderUpdated, publishAfterCommit, publishAll, type OrdersDeps } from './deps';
import { notice } from '../notifications';
import { orderMessages } from './messages';
import { findOrder, updateOrder } from './repo';

/**
 * Completes a delivered order by releasing the maker's payout (a job; the payout is released once
 * however often this runs). While the payout is held (no TOTP, no payout account) the order stays
 * delivered and records why; it completes when a retry can release it. A provider outage throws,
 * so the job retries with backoff.
 */
export async function completeOrder(deps: OrdersDeps, orderId: string): Promise<'completed' | 'held' | 'skipped'> {
  const order = await findOrder(deps.db, orderId);
  if (!order || order.status !== 'delivered') return 'skipped';
  const payout = await deps.payments.releasePayout({ orderId: order.id, paymentId: order.paymentId });
  const now = deps.clock.now();
  if (payout.status === 'held') {
    if (order.payoutHeldReason !== payout.reason) {
      await updateOrder(deps.db, order.id, { payoutHeldReason: payout.reason, updatedAt: now });
      await publishAll(deps, orderUpdated(order));
    }
    return 'held';
  }
  const completed = await deps.db.transaction(async (tx) => {
    const current = await findOrder(tx, orderId, { lock: true });
    if (!current || current.status !== 'delivered') return null;
    const updated = await transition(
      tx,
      current,
      { status: 'completed', completedAt: now, payoutHeldReason: null },
      {
        type: 'completed',
        actorId: null,
        data: {
          payoutMinor: payout.payout.amountMinor,
          chargeMode: payout.payout.chargeMode,
          transferId: payout.payout.transferId,
        },
        at: now,
      },
    );
    await deps.notifications.notify(tx, {
      userId: current.makerId,
      kind: 'payout_released',
      message: notice(orderMessages, 'payoutReleased', { title: current.itemTitle }),
      data: { orderId: current.id, amountMinor: payout.payout.amountMinor, currency: payout.payout.currency },
      link: `/orders/${current.id}`,
      dedupeKey: `order-completed:${current.id}`,
    });
    publishAfterCommit(deps, tx, orderUpdated(updated));
    return updated;
  });
  return completed ? 'completed' : 'skipped';
}
