import { z } from 'zod';
import type { Executor } from '../../platform/db/client';
import { defineTask } from '../../platform/jobs';
import type { AppContext, AppModule } from '../../platform/module';
import { checkoutFor, EXPIRE_CHECKOUT_TASK, type Checkout } from './create-checkout';
import type { PaymentsDeps, PaymentsPorts, PaymentWindow } from './deps';
import { expireCheckout } from './expire-checkout';
import { localCheckoutRoutes } from './local/local-routes';
import { createPaymentProvider, paymentsUnavailable } from './providers';
import { findPayment } from './repo/money';
import {
  reserveRefund,
  INLINE_SEND_GRACE_SECONDS,
  SEND_REFUND_TASK,
  type RefundRequest,
} from './refunds/reserve-refund';
import { sendRefund } from './refunds/send-refund';
import { releasePayout, type PayoutOutcome } from './release-payout';
import { applyPendingEvents } from './receive-webhook';
import { paymentRoutes } from './routes';
import type { RefundRow } from './tables';
import { exportPaymentData } from './user-data';

export type {
  AnalyticsPort,
  AuctionsPort,
  IdentityPort,
  NotificationsPort,
  OrdersPort,
  PaymentsPorts,
  StoriesPort,
  PaymentWindow,
  NewOrderInput,
  ShippingAddress,
  LiveMessage,
} from './deps';
export type { Checkout, PayoutOutcome };
/** The page frame and escaping shared by checkout pages and order receipts. */
export { page as htmlPage } from './local/html';

export interface RefundView {
  id: string;
  paymentId: string;
  orderId: string | null;
  amountMinor: number;
  status: RefundRow['status'];
  reason: string;
  createdAt: Date;
}

const refundView = (r: RefundRow): RefundView => ({
  id: r.id,
  paymentId: r.paymentId,
  orderId: r.orderId,
  amountMinor: r.amountMinor,
  status: r.status,
  reason: r.reason,
  createdAt: r.createdAt,
});

/** The payments module's public face for other modules. */
export interface PaymentsService {
  /** The hosted checkout of a payment window: created once per window (idempotency key = window id). */
  checkoutFor(window: PaymentWindow): Promise<Checkout>;
  /** Reserves a refund in the caller's transaction (bounded by what was paid); send it after commit. */
  requestRefund(tx: Executor, request: Omit<RefundRequest, 'sendAfterSeconds'>): Promise<RefundView>;
  /** Sends a reserved refund now; during an outage it stays `pending` and its job retries. */
  sendRefund(refundId: string): Promise<RefundView>;
  /** Releases the maker's payout for a completed order, once; `held` while the maker cannot receive it. */
  releasePayout(input: { orderId: string; paymentId: string }): Promise<PayoutOutcome>;
  /** Throws 503 `payments_unavailable` while the provider is known to be down. */
  assertAvailable(): void;
  /** The refundable remainder and refunded total of a payment. */
  paymentTotals(paymentId: string): Promise<{ amountMinor: number; refundedMinor: number; currency: string } | null>;
}

/** Checkout sessions, provider webhooks, refunds, payouts and makers' payout accounts. */
export function createPaymentsModule(
  ctx: AppContext,
  ports: PaymentsPorts,
): { module: AppModule; service: PaymentsService } {
  const publicUrl = ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`;
  const circuit = ctx.metrics.gauge(
    'payments_provider_circuit_open',
    'Whether calls to the payment provider are suspended',
  );
  const provider = createPaymentProvider({
    config: ctx.config,
    clock: ctx.clock,
    internalSigningSecret: ctx.secrets.internalSigningSecret,
    publicUrl: ctx.config.PUBLIC_URL ?? null,
    onStateChange: (state) => circuit.set(state === 'open' ? 1 : 0),
  });
  const lag = ctx.metrics.histogram(
    'webhook_lag_seconds',
    'Time from a payment provider event being created to it being applied',
    ['type'],
    [0.05, 0.25, 1, 5, 30, 120, 600, 3600, 21600, 86400],
  );
  const deps: PaymentsDeps = {
    db: ctx.db,
    clock: ctx.clock,
    config: ctx.config,
    secrets: ctx.secrets,
    logger: ctx.logger.child({ module: 'payments' }),
    realtime: ctx.realtime,
    provider,
    publicUrl,
    appLink: (path) => (ctx.config.PUBLIC_URL ? new URL(path, ctx.config.PUBLIC_URL).toString() : path),
    ...ports,
    observeWebhookLag: (type, seconds) => lag.observe({ type }, seconds),
  };

  const service: PaymentsService = {
    checkoutFor: (window) => checkoutFor(deps, window),
    requestRefund: async (tx, request) =>
      refundView(await reserveRefund(deps, tx, { ...request, sendAfterSeconds: INLINE_SEND_GRACE_SECONDS })),
    sendRefund: async (refundId) => refundView(await sendRefund(deps, refundId)),
    releasePayout: (input) => releasePayout(deps, input),
    assertAvailable: () => {
      if (provider.breaker.state === 'open') throw paymentsUnavailable();
    },
    paymentTotals: async (paymentId) => {
      const p = await findPayment(ctx.db, paymentId);
      return p ? { amountMinor: p.amountMinor, refundedMinor: p.refundedMinor, currency: p.currency } : null;
    },
  };

  const module: AppModule = {
    name: 'payments',
    routes: async (app) => {
      await paymentRoutes(app, deps);
      // The local checkout exists only beside the local provider (never in production).
      if (provider.name === 'local') await localCheckoutRoutes(app, deps);
    },
    tasks: [
      defineTask(SEND_REFUND_TASK, async ({ refundId }) => {
        const refund = await sendRefund(deps, refundId);
        // Still pending: the provider is down; failing the job retries it with backoff.
        if (refund.status === 'pending') throw new Error(`refund ${refundId} not sent yet (provider unavailable)`);
      }),
      defineTask('payments:apply-pending-events', z.object({}), async (_payload, helpers) => {
        const n = await applyPendingEvents(deps);
        if (n > 0) helpers.logger.info(`applied ${n} stored payment events left unapplied`);
      }),
      defineTask(EXPIRE_CHECKOUT_TASK, async ({ windowId }) => {
        await expireCheckout(deps, windowId);
      }),
    ],
    crontab: ['* * * * * payments:apply-pending-events'],
    exportUserData: (userId) => exportPaymentData(deps, userId),
  };
  return { module, service };
}
