import path from 'node:path';
import type { AppContext, AppModule } from '../../platform/module';
import type { OrdersPort } from '../payments';
import { completeOrder } from './complete-order';
import { deliverAutomatically } from './confirm-delivery';
import type { OrdersDeps, OrdersIdentity, OrdersPayments } from './deps';
import { paymentHooks } from './payment-hooks';
import { fulfilmentCounts, revenueByDay } from './repo';
import { emailReceipt } from './receipt/email-receipt';
import { rewrapAddresses } from './rewrap-addresses';
import { orderRoutes } from './routes';
import { flagOverdue, remindToShip, sweepOrders } from './shipping-sla';
import { ORDER_TASKS } from './tasks';
import { eraseOrderData, exportOrderData } from './user-data';
import type { NotificationsService } from '../notifications';

export type { OrderStatus } from './tables';

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
}

const orderPayload = (payload: unknown): string => (payload as { orderId: string }).orderId;

/** Orders (SPEC §6): created once per paid window; shipping, delivery, completion, SLA, refunds, receipts. */
export function createOrdersModule(
  ctx: AppContext,
  ports: { identity: OrdersIdentity; notifications: Pick<NotificationsService, 'notify'>; payments: OrdersPayments },
): { module: AppModule; service: OrdersService } {
  const deps: OrdersDeps = {
    db: ctx.db,
    clock: ctx.clock,
    config: ctx.config,
    secrets: ctx.secrets,
    logger: ctx.logger.child({ module: 'orders' }),
    realtime: ctx.realtime,
    mailer: ctx.mailer,
    publicUrl: ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`,
    identity: ports.identity,
    notifications: ports.notifications,
    payments: ports.payments,
  };

  const service: OrdersService = {
    paymentHooks: paymentHooks(deps),
    fulfilmentCounts: (makerId) => fulfilmentCounts(ctx.db, makerId, ctx.clock.now()),
    revenueByDay: (makerId, since) => revenueByDay(ctx.db, makerId, since),
  };

  const module: AppModule = {
    name: 'orders',
    migrations: path.join(import.meta.dirname, 'migrations'),
    routes: (app) => orderRoutes(app, deps),
    tasks: {
      [ORDER_TASKS.shippingReminder]: async (payload) => remindToShip(deps, orderPayload(payload)),
      [ORDER_TASKS.shippingOverdue]: async (payload) => flagOverdue(deps, orderPayload(payload)),
      [ORDER_TASKS.autoDeliver]: async (payload) => deliverAutomatically(deps, orderPayload(payload)),
      [ORDER_TASKS.complete]: async (payload) => {
        await completeOrder(deps, orderPayload(payload));
      },
      [ORDER_TASKS.emailReceipt]: async (payload) => emailReceipt(deps, orderPayload(payload)),
      [ORDER_TASKS.slaSweep]: async (_payload, helpers) => {
        const queued = await sweepOrders(deps);
        if (queued > 0) helpers.logger.info(`order sweep re-queued ${queued} due jobs`);
      },
      [ORDER_TASKS.rewrap]: async (_payload, helpers) => {
        const n = await rewrapAddresses(ctx.db, ctx.secrets.cipher);
        if (n > 0) helpers.logger.info(`re-wrapped ${n} shipping addresses under the newest key`);
      },
    },
    crontab: [`*/10 * * * * ${ORDER_TASKS.slaSweep}`, `45 3 * * * ${ORDER_TASKS.rewrap} ?fill=1d`],
    exportUserData: (userId) => exportOrderData(deps, userId),
    eraseUserData: (tx, userId) => eraseOrderData(deps, tx, userId),
  };
  return { module, service };
}
