import type { Executor } from '../../platform/db/client';
import type { OrdersDeps } from './deps';
import { presentOrder } from './present';
import { eraseBuyerAddresses, ordersOfUser } from './repo';

/** The user's orders, as buyer and as maker (a buyer's address appears only in the buyer's own export). */
export async function exportOrderData(deps: OrdersDeps, userId: string): Promise<Record<string, unknown>> {
  const rows = await ordersOfUser(deps.db, userId);
  return {
    orders: rows.map((o) => {
      const relation = o.buyerId === userId ? 'buyer' : 'maker';
      const view = presentOrder(deps, o, relation, userId);
      return {
        ...view,
        shippingAddress: relation === 'buyer' ? view.shippingAddress : undefined,
        receiptUrl: undefined,
      };
    }),
  };
}

/**
 * Account deletion. Orders are kept — amounts, dates, the item, the parties' (anonymised) ids and
 * the carrier and tracking number are the legally required record of a sale. The buyer's
 * shipping address is erased: at once for finished orders, and when an order still in flight
 * closes (the maker needs it to ship meanwhile).
 */
export async function eraseOrderData(deps: OrdersDeps, tx: Executor, userId: string): Promise<void> {
  await eraseBuyerAddresses(tx, userId, deps.clock.now());
}
