/**
 * The shipping SLA: tracking is due SHIPPING_OVERDUE_SECONDS after payment (5 days); the maker is
 * reminded at SHIPPING_REMINDER_SECONDS (day 3); an overdue order is flagged to the maker and the
 * admins. Per-order timers do the work; the crontab sweep re-queues anything a lost timer missed.
 */
import { instant } from '../../platform/i18n';
import { enqueue } from '../../platform/jobs';
import { orderUpdated, publishAfterCommit, type OrdersDeps } from './deps';
import { notice } from '../notifications';
import { orderMessages } from './messages';
import { orderNumber } from './receipt/receipt-page';
import { dueOrders, findOrder, recordOrderEvent, updateOrder } from './repo';
import { isShippingOverdue } from './rules';
import { ORDER_TASKS, orderJobKey } from './tasks';

export async function remindToShip(deps: OrdersDeps, orderId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const order = await findOrder(tx, orderId, { lock: true });
    const now = deps.clock.now();
    if (!order || order.status !== 'paid' || order.shippingReminderSentAt) return;
    if (order.shippingReminderAt.getTime() > now.getTime()) return;
    await updateOrder(tx, order.id, { shippingReminderSentAt: now, updatedAt: now });
    await deps.notifications.notify(tx, {
      userId: order.makerId,
      kind: 'shipping_reminder',
      message: notice(orderMessages, 'shippingReminder', {
        title: order.itemTitle,
        number: orderNumber(order.id),
        dueAt: instant(order.shippingDueAt),
      }),
      data: { orderId: order.id, shippingDueAt: order.shippingDueAt.toISOString() },
      link: `/orders/${order.id}`,
      dedupeKey: `shipping-reminder:${order.id}`,
    });
  });
}

export async function flagOverdue(deps: OrdersDeps, orderId: string): Promise<void> {
  const admins = await deps.identity.adminIds();
  await deps.db.transaction(async (tx) => {
    const order = await findOrder(tx, orderId, { lock: true });
    const now = deps.clock.now();
    if (!order || order.overdueFlaggedAt || !isShippingOverdue(order, now)) return;
    const updated = await updateOrder(tx, order.id, { overdueFlaggedAt: now, updatedAt: now });
    await recordOrderEvent(tx, { orderId: order.id, type: 'shipping_overdue', actorId: null, at: now });
    const overdue = {
      kind: 'shipping_overdue' as const,
      data: { orderId: order.id, makerId: order.makerId },
      link: `/orders/${order.id}`,
      dedupeKey: `shipping-overdue:${order.id}`,
    };
    await deps.notifications.notify(tx, {
      ...overdue,
      userId: order.makerId,
      message: notice(orderMessages, 'shippingOverdueMaker', { title: order.itemTitle, number: orderNumber(order.id) }),
    });
    for (const adminId of admins.filter((id) => id !== order.makerId)) {
      await deps.notifications.notify(tx, {
        ...overdue,
        userId: adminId,
        message: notice(orderMessages, 'shippingOverdueAdmin', {
          title: order.itemTitle,
          number: orderNumber(order.id),
          paidAt: instant(order.paidAt),
        }),
      });
    }
    publishAfterCommit(deps, tx, orderUpdated(updated));
  });
}

/** Safety net: re-queues every due SLA, delivery and completion job (job keys keep them single). */
export async function sweepOrders(deps: OrdersDeps): Promise<number> {
  const due = await dueOrders(deps.db, deps.clock.now());
  const work: [typeof ORDER_TASKS.complete, (id: string) => string, string[]][] = [
    [ORDER_TASKS.shippingReminder, orderJobKey.shippingReminder, due.reminders],
    [ORDER_TASKS.shippingOverdue, orderJobKey.shippingOverdue, due.overdue],
    [ORDER_TASKS.autoDeliver, orderJobKey.autoDeliver, due.deliveries],
    [ORDER_TASKS.complete, orderJobKey.complete, due.completions],
  ];
  let queued = 0;
  await deps.db.transaction(async (tx) => {
    for (const [task, key, ids] of work) {
      for (const orderId of ids) {
        await enqueue(tx, task, { orderId }, { jobKey: key(orderId), maxAttempts: 20 });
        queued += 1;
      }
    }
  });
  return queued;
}
