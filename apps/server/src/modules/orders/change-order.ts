import type { Executor } from '../../platform/db/client';
import { DomainError } from '../../platform/errors';
import { cancelJob, enqueue } from '../../platform/jobs';
import type { Caller } from '../../platform/http/types';
import { orderUpdated, publishAfterCommit, type OrdersDeps } from './deps';
import { notice } from '../notifications';
import { orderMessages } from './messages';
import { findOrder, recordOrderEvent, updateOrder } from './repo';
import { isClosed, refusal, requireRelation, type OrderAction, type Relation } from './rules';
import type { OrderRow } from './tables';
import { ORDER_TASKS, orderJobKey } from './tasks';

export interface Change<T> {
  order: OrderRow;
  /** Anything else the use case wants back from inside the transaction. */
  result?: T;
}

/**
 * The frame of every caller-driven change: lock the order, check the caller may see it (404
 * otherwise) and may do `action` in its state (403/409), apply, then publish after commit.
 */
export async function changeOrder<T = never>(
  deps: OrdersDeps,
  caller: Caller,
  orderId: string,
  action: OrderAction,
  apply: (tx: Executor, order: OrderRow, relation: Relation, now: Date) => Promise<Change<T>>,
): Promise<{ order: OrderRow; relation: Relation; result: T | undefined }> {
  const { change, relation } = await deps.db.transaction(async (tx) => {
    const order = await findOrder(tx, orderId, { lock: true });
    if (!order) throw new DomainError('order_not_found', 'No such order');
    const relation = requireRelation(order, caller);
    const refused = refusal(action, relation, order.status);
    if (refused) throw refused;
    const change = await apply(tx, order, relation, deps.clock.now());
    publishAfterCommit(deps, tx, orderUpdated(change.order));
    return { change, relation };
  });
  return { order: change.order, relation, result: change.result };
}

/** Stops every timer of an order (it shipped, closed or is disputed). */
export async function cancelTimers(
  tx: Executor,
  orderId: string,
  which: ('sla' | 'delivery')[] = ['sla', 'delivery'],
): Promise<void> {
  if (which.includes('sla')) {
    await cancelJob(tx, orderJobKey.shippingReminder(orderId));
    await cancelJob(tx, orderJobKey.shippingOverdue(orderId));
  }
  if (which.includes('delivery')) await cancelJob(tx, orderJobKey.autoDeliver(orderId));
}

/**
 * Writes a new state and its history entry. A closing order drops a deleted buyer's address and
 * its timers.
 */
export async function transition(
  tx: Executor,
  order: OrderRow,
  patch: Partial<OrderRow>,
  event: { type: string; actorId: string | null; data?: Record<string, unknown>; at: Date },
): Promise<OrderRow> {
  const status = patch.status ?? order.status;
  const closing = isClosed(status) && !isClosed(order.status);
  const updated = await updateOrder(tx, order.id, {
    ...patch,
    ...(closing && order.eraseAddressOnClose ? { shippingAddressEncrypted: null } : {}),
    updatedAt: event.at,
  });
  if (closing) await cancelTimers(tx, order.id);
  await recordOrderEvent(tx, { orderId: order.id, ...event });
  return updated;
}

/** Delivered (by the buyer or automatically): completion, which releases the payout, follows as a job. */
export async function markDelivered(
  deps: OrdersDeps,
  tx: Executor,
  order: OrderRow,
  by: 'buyer' | 'automatic',
  now: Date,
): Promise<OrderRow> {
  const updated = await transition(
    tx,
    order,
    { status: 'delivered', deliveredAt: now, deliveredBy: by },
    { type: 'delivered', actorId: by === 'buyer' ? order.buyerId : null, data: { by }, at: now },
  );
  await cancelTimers(tx, order.id, ['delivery']);
  await enqueue(
    tx,
    ORDER_TASKS.complete,
    { orderId: order.id },
    { jobKey: orderJobKey.complete(order.id), maxAttempts: 20 },
  );
  await deps.notifications.notify(tx, {
    userId: order.makerId,
    kind: 'delivered',
    message: notice(orderMessages, 'delivered', { title: order.itemTitle, by }),
    data: { orderId: order.id },
    link: `/orders/${order.id}`,
    dedupeKey: `order-delivered:${order.id}`,
  });
  return updated;
}
