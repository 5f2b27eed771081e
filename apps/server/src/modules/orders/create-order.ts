import { randomUUID } from 'node:crypto';
import type { Executor } from '../../platform/db/client';
import { enqueue } from '../../platform/jobs';
import type { NewOrderInput } from '../payments';
import { orderUpdated, type LiveMessage, type OrdersDeps } from './deps';
import { notice } from '../notifications';
import { orderMessages } from './messages';
import { orderNumber } from './receipt/receipt-page';
import { shippingAddressSealedFor } from './present';
import { findOrderByWindow, insertOrder, recordOrderEvent } from './repo';
import { shippingDeadlines } from './rules';
import { ORDER_TASKS, orderJobKey } from './tasks';

/**
 * Creates the order of a paid window, in the payment's transaction: exactly once (unique per
 * window and per payment). Arms the shipping reminder and overdue timers, tells the buyer and
 * the maker, and queues the buyer's email receipt — all committed with the payment or not at all.
 * It uses only the transaction's connection, so many payments applying at once cannot starve the
 * pool.
 */
export async function createOrderFromPayment(
  deps: OrdersDeps,
  tx: Executor,
  input: NewOrderInput,
): Promise<{ orderId: string; live: LiveMessage[] }> {
  const existing = await findOrderByWindow(tx, input.windowId);
  if (existing) return { orderId: existing.id, live: [] };
  const now = deps.clock.now();
  const deadlines = shippingDeadlines(input.paidAt, {
    reminderSeconds: deps.config.SHIPPING_REMINDER_SECONDS,
    overdueSeconds: deps.config.SHIPPING_OVERDUE_SECONDS,
  });
  const orderId = randomUUID();
  const order = await insertOrder(tx, {
    id: orderId,
    windowId: input.windowId,
    paymentId: input.paymentId,
    auctionId: input.auctionId,
    storyId: input.storyId,
    buyerId: input.buyerId,
    makerId: input.makerId,
    itemTitle: input.itemTitle,
    amountMinor: input.amountMinor,
    shippingMinor: input.shippingMinor,
    feeMinor: input.feeMinor,
    currency: input.currency,
    status: 'paid',
    shippingAddressEncrypted: input.shippingAddress
      ? deps.secrets.cipher.encrypt(JSON.stringify(input.shippingAddress), shippingAddressSealedFor(orderId))
      : null,
    paidAt: input.paidAt,
    ...deadlines,
    createdAt: now,
    updatedAt: now,
  });
  if (!order) return { orderId: (await findOrderByWindow(tx, input.windowId))!.id, live: [] };

  await recordOrderEvent(tx, {
    orderId: order.id,
    type: 'paid',
    actorId: input.buyerId,
    at: now,
    data: { paymentId: input.paymentId },
  });
  const payload = { orderId: order.id };
  await enqueue(tx, ORDER_TASKS.shippingReminder, payload, {
    jobKey: orderJobKey.shippingReminder(order.id),
    runAt: deadlines.shippingReminderAt,
  });
  await enqueue(tx, ORDER_TASKS.shippingOverdue, payload, {
    jobKey: orderJobKey.shippingOverdue(order.id),
    runAt: deadlines.shippingDueAt,
  });

  const days = Math.max(1, Math.round(deps.config.SHIPPING_OVERDUE_SECONDS / 86400));
  const link = `/orders/${order.id}`;
  await deps.notifications.notify(tx, {
    userId: input.buyerId,
    kind: 'payment_received',
    message: notice(orderMessages, 'paidBuyer', { title: order.itemTitle, number: orderNumber(order.id) }),
    data: payload,
    link,
    dedupeKey: `order-paid:${order.id}`,
  });
  await deps.notifications.notify(tx, {
    userId: input.makerId,
    kind: 'payment_received',
    message: notice(orderMessages, 'paidMaker', { title: order.itemTitle, number: orderNumber(order.id), days }),
    data: payload,
    link,
    dedupeKey: `order-paid:${order.id}`,
  });
  // The receipt email is composed by a job after commit: this transaction reads no other module.
  await enqueue(tx, ORDER_TASKS.emailReceipt, payload, { jobKey: orderJobKey.emailReceipt(order.id), maxAttempts: 10 });
  return { orderId: order.id, live: orderUpdated(order) };
}
