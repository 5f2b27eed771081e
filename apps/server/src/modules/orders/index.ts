import { isUuid } from '../../platform/ids';
import { defineTask } from '../../platform/jobs';
import type { AppContext, AppModule } from '../../platform/module';
import type { OrdersPort } from '../payments';
import { completeOrder } from './complete-order';
import { deliverAutomatically } from './confirm-delivery';
import type { OrdersDeps, OrdersPorts } from './deps';
import { paymentHooks } from './payment-hooks';
import { findOrder, fulfilmentCounts, revenueByDay } from './repo';
import { emailReceipt } from './receipt/email-receipt';
import { rewrapAddresses } from './rewrap-addresses';
import { orderRoutes } from './routes';
import { flagOverdue, remindToShip, sweepOrders } from './shipping-sla';
import { ORDER_TASKS } from './tasks';
import type { OrderStatus } from './tables';
import { eraseOrderData, exportOrderData } from './user-data';

export type { OrderStatus } from './tables';
export type { IdentityPort, NotificationsPort, OrdersPorts, PaymentsPort } from './deps';

/** The orders module's public face for other modules. */
export interface OrdersService {
  /** What the payments module calls inside its transactions (order creation, refunds, disputes, payouts). */
  paymentHooks: OrdersPort;
  /** The maker's fulfilment tasks: paid orders to ship, and those past their shipping deadline. */
  fulfilmentCounts(makerId: string): Promise<{ toShip: number; overdue: number }>;
  /** The maker's sales (net of refunds) per UTC day since `since`, per currency. */
  revenueByDay(
    makerId: string,
    since: Date,
  ): Promise<{ day: string; currency: string; amountMinor: number; orders: number }[]>;
  /** The buyer, maker and story of an order, or null when there is no such order. */
  orderParties(orderId: string): Promise<{ buyerId: string; makerId: string; storyId: string; title: string } | null>;
  /** What a review of the order depends on: its parties, story, state and delivery time; null when there is no such order. */
  orderForReview(orderId: string): Promise<{
    id: string;
    buyerId: string;
    makerId: string;
    storyId: string;
    title: string;
    status: OrderStatus;
    deliveredAt: Date | null;
  } | null>;
}

/** Orders: created once per paid window; shipping, delivery, completion, SLA, refunds, receipts. */
export function createOrdersModule(ctx: AppContext, ports: OrdersPorts): { module: AppModule; service: OrdersService } {
  const deps: OrdersDeps = {
    db: ctx.db,
    clock: ctx.clock,
    config: ctx.config,
    secrets: ctx.secrets,
    logger: ctx.logger.child({ module: 'orders' }),
    realtime: ctx.realtime,
    mailer: ctx.mailer,
    publicUrl: ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`,
    ...ports,
  };

  const service: OrdersService = {
    paymentHooks: paymentHooks(deps),
    fulfilmentCounts: (makerId) => fulfilmentCounts(ctx.db, makerId, ctx.clock.now()),
    revenueByDay: (makerId, since) => revenueByDay(ctx.db, makerId, since),
    orderParties: async (orderId) => {
      const order = isUuid(orderId) ? await findOrder(ctx.db, orderId) : null;
      return order
        ? { buyerId: order.buyerId, makerId: order.makerId, storyId: order.storyId, title: order.itemTitle }
        : null;
    },
    orderForReview: async (orderId) => {
      const order = isUuid(orderId) ? await findOrder(ctx.db, orderId) : null;
      return order
        ? {
            id: order.id,
            buyerId: order.buyerId,
            makerId: order.makerId,
            storyId: order.storyId,
            title: order.itemTitle,
            status: order.status,
            deliveredAt: order.deliveredAt,
          }
        : null;
    },
  };

  const module: AppModule = {
    name: 'orders',
    routes: (app) => orderRoutes(app, deps),
    tasks: [
      defineTask(ORDER_TASKS.shippingReminder, async ({ orderId }) => remindToShip(deps, orderId)),
      defineTask(ORDER_TASKS.shippingOverdue, async ({ orderId }) => flagOverdue(deps, orderId)),
      defineTask(ORDER_TASKS.autoDeliver, async ({ orderId }) => deliverAutomatically(deps, orderId)),
      defineTask(ORDER_TASKS.complete, async ({ orderId }) => {
        await completeOrder(deps, orderId);
      }),
      defineTask(ORDER_TASKS.emailReceipt, async ({ orderId }) => emailReceipt(deps, orderId)),
      defineTask(ORDER_TASKS.slaSweep, async (_payload, helpers) => {
        const queued = await sweepOrders(deps);
        if (queued > 0) helpers.logger.info(`order sweep re-queued ${queued} due jobs`);
      }),
      defineTask(ORDER_TASKS.rewrap, async (_payload, helpers) => {
        const n = await rewrapAddresses(ctx.db, ctx.secrets.cipher);
        if (n > 0) helpers.logger.info(`re-wrapped ${n} shipping addresses under the newest key`);
      }),
    ],
    crontab: [`*/10 * * * * ${ORDER_TASKS.slaSweep.name}`, `45 3 * * * ${ORDER_TASKS.rewrap.name} ?fill=1d`],
    exportUserData: (userId) => exportOrderData(deps, userId),
    eraseUserData: (tx, userId) => eraseOrderData(deps, tx, userId),
  };
  return { module, service };
}
