import type { Executor } from '../../platform/db/client';
import type { Caller } from '../../platform/http/types';
import { cancelTimers, changeOrder, transition } from './change-order';
import { orderUpdated, type LiveMessage, type OrdersDeps } from './deps';
import { findOrderByPayment } from './repo';
import type { OrderRow } from './tables';

async function openDispute(
  tx: Executor,
  order: OrderRow,
  reason: string,
  actorId: string | null,
  now: Date,
): Promise<OrderRow> {
  // A dispute freezes the order: no automatic delivery, no completion, until an admin resolves it.
  await cancelTimers(tx, order.id);
  return transition(
    tx,
    order,
    { status: 'disputed', disputedAt: now, disputeReason: reason },
    { type: 'disputed', actorId, data: { reason }, at: now },
  );
}

/** The buyer reports a problem (not arrived, not as described): the order waits for an admin. */
export async function disputeOrder(deps: OrdersDeps, caller: Caller, orderId: string, reason: string) {
  return changeOrder(deps, caller, orderId, 'dispute', async (tx, order, _relation, now) => ({
    order: await openDispute(tx, order, reason, caller.userId, now),
  }));
}

/** A chargeback opened at the provider marks the order disputed (called in the event's transaction). */
export async function disputeFromProvider(
  deps: OrdersDeps,
  tx: Executor,
  input: { paymentId: string; reason: string },
): Promise<LiveMessage[]> {
  const order = await findOrderByPayment(tx, input.paymentId);
  if (!order || !['paid', 'shipped', 'delivered'].includes(order.status)) return [];
  return orderUpdated(await openDispute(tx, order, input.reason, null, deps.clock.now()));
}
