import { enqueue } from '../../platform/jobs';
import type { Caller } from '../../platform/http/types';
import { cancelTimers, changeOrder, transition } from './change-order';
import type { OrdersDeps } from './deps';
import { notice } from '../notifications';
import { orderMessages } from './messages';
import { autoDeliveryAt } from './rules';
import { ORDER_TASKS, orderJobKey } from './tasks';

export interface ShipmentInput {
  carrier: string;
  trackingNumber: string;
}

/**
 * The maker adds the carrier and tracking number: the order is shipped, the shipping SLA timers
 * stop and the automatic delivery timer starts. While shipped, the maker may correct the details
 * (the delivery timer keeps its start).
 */
export async function shipOrder(deps: OrdersDeps, caller: Caller, orderId: string, input: ShipmentInput) {
  return changeOrder(deps, caller, orderId, 'ship', async (tx, order, _relation, now) => {
    if (order.status === 'shipped') {
      const corrected = await transition(
        tx,
        order,
        { carrier: input.carrier, trackingNumber: input.trackingNumber },
        { type: 'tracking_corrected', actorId: caller.userId, data: { carrier: input.carrier }, at: now },
      );
      return { order: corrected };
    }
    const deliverAt = autoDeliveryAt(now, deps.config.ORDER_AUTO_DELIVERY_SECONDS);
    const shipped = await transition(
      tx,
      order,
      {
        status: 'shipped',
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        shippedAt: now,
        autoDeliverAt: deliverAt,
      },
      { type: 'shipped', actorId: caller.userId, data: { carrier: input.carrier }, at: now },
    );
    await cancelTimers(tx, order.id, ['sla']);
    await enqueue(
      tx,
      ORDER_TASKS.autoDeliver,
      { orderId: order.id },
      { jobKey: orderJobKey.autoDeliver(order.id), runAt: deliverAt },
    );
    await deps.notifications.notify(tx, {
      userId: order.buyerId,
      kind: 'shipped',
      message: notice(orderMessages, 'shipped', {
        title: order.itemTitle,
        carrier: input.carrier,
        tracking: input.trackingNumber,
      }),
      data: { orderId: order.id, carrier: input.carrier, trackingNumber: input.trackingNumber },
      link: `/orders/${order.id}`,
      dedupeKey: `order-shipped:${order.id}`,
    });
    return { order: shipped };
  });
}
