import type { Caller } from '../../platform/http/types';
import { changeOrder, markDelivered } from './change-order';
import { orderUpdated, publishAfterCommit, type OrdersDeps } from './deps';
import { findOrder } from './repo';

/** The buyer confirms the parcel arrived. */
export async function confirmDelivery(deps: OrdersDeps, caller: Caller, orderId: string) {
  return changeOrder(deps, caller, orderId, 'confirm_delivery', async (tx, order, _relation, now) => ({
    order: await markDelivered(deps, tx, order, 'buyer', now),
  }));
}

/** The automatic delivery timer: a shipped order counts as delivered once its time has come. */
export async function deliverAutomatically(deps: OrdersDeps, orderId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const order = await findOrder(tx, orderId, { lock: true });
    const now = deps.clock.now();
    if (!order || order.status !== 'shipped' || !order.autoDeliverAt || order.autoDeliverAt.getTime() > now.getTime()) {
      return;
    }
    publishAfterCommit(deps, tx, orderUpdated(await markDelivered(deps, tx, order, 'automatic', now)));
  });
}
