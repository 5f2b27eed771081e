import { sql } from 'drizzle-orm';
import { at, money } from '../../platform/db/columns';
import { boolean, index, integer, jsonb, pgSchema, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const paymentsSchema = pgSchema('payments');

export const PROVIDERS = ['stripe', 'local'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/**
 * How the maker's share travels: `destination` — a destination charge, the money reaches the maker's
 * connected account at payment; `separate` — the platform holds it and transfers on completion;
 * `local` — the embedded provider, no money moves.
 */
export const CHARGE_MODES = ['destination', 'separate', 'local'] as const;
export type ChargeMode = (typeof CHARGE_MODES)[number];

/** A maker's payout account at the provider (Stripe Connect Express). */
export const paymentAccounts = paymentsSchema.table(
  'payment_accounts',
  {
    makerId: uuid('maker_id').primaryKey(),
    provider: text('provider', { enum: PROVIDERS }).notNull(),
    accountId: text('account_id').notNull(),
    payoutsEnabled: boolean('payouts_enabled').notNull().default(false),
    chargesEnabled: boolean('charges_enabled').notNull().default(false),
    detailsSubmitted: boolean('details_submitted').notNull().default(false),
    /** `created` of the newest `account.updated` applied: older events arriving late change nothing. */
    lastEventAt: at('last_event_at'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('payment_accounts_account_key').on(t.accountId)],
);

export const CHECKOUT_STATUSES = ['creating', 'open', 'completed', 'expired'] as const;

/**
 * One hosted checkout per payment window. The row is claimed (status `creating`) with every
 * parameter fixed before the provider is called, so concurrent callers send identical requests
 * under the same idempotency key and converge on one session.
 */
export const checkoutSessions = paymentsSchema.table(
  'checkout_sessions',
  {
    windowId: uuid('window_id').primaryKey(),
    provider: text('provider', { enum: PROVIDERS }).notNull(),
    providerSessionId: text('provider_session_id'),
    url: text('url'),
    storyId: uuid('story_id').notNull(),
    auctionId: uuid('auction_id'),
    buyerId: uuid('buyer_id').notNull(),
    makerId: uuid('maker_id').notNull(),
    itemTitle: text('item_title').notNull(),
    /** The piece's price; the buyer pays it plus `shippingMinor`. */
    amountMinor: money('amount_minor').notNull(),
    currency: text('currency').notNull(),
    /** The shipping line, to `shippingCountry` (null: an address in any country). */
    shippingMinor: money('shipping_minor').notNull().default(0),
    shippingCountry: text('shipping_country'),
    /** The platform's fee, on the piece's price only (shipping passes to the maker whole). */
    feeMinor: money('fee_minor').notNull(),
    chargeMode: text('charge_mode', { enum: CHARGE_MODES }).notNull(),
    destinationAccountId: text('destination_account_id'),
    /** The window's end; the provider's session may be asked to end later (Stripe's 30-minute floor). */
    windowExpiresAt: at('window_expires_at').notNull(),
    sessionExpiresAt: at('session_expires_at').notNull(),
    status: text('status', { enum: CHECKOUT_STATUSES }).notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lastFailureMessage: text('last_failure_message'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('checkout_sessions_provider_session_key').on(t.providerSessionId)],
);

export const WEBHOOK_EVENT_STATUSES = ['received', 'applied', 'deferred', 'ignored'] as const;
export type WebhookEventStatus = (typeof WEBHOOK_EVENT_STATUSES)[number];

/**
 * Every provider event, stored by its id before it is applied (a redelivery finds its row and
 * changes nothing). `payload` has personal fields (customer and shipping details) removed; the
 * complete event is kept encrypted in `sealed_body` only until it has been applied.
 */
export const webhookEvents = paymentsSchema.table(
  'webhook_events',
  {
    id: text('id').primaryKey(),
    provider: text('provider', { enum: PROVIDERS }).notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    sealedBody: text('sealed_body'),
    createdAt: at('created_at').notNull(),
    receivedAt: at('received_at').notNull(),
    status: text('status', { enum: WEBHOOK_EVENT_STATUSES }).notNull(),
    /** What a deferred event waits for, e.g. `payment_intent:pi_123`; re-applied when it arrives. */
    waitingFor: text('waiting_for'),
    appliedAt: at('applied_at'),
    note: text('note'),
  },
  (t) => [
    index('webhook_events_received_idx')
      .on(t.receivedAt)
      .where(sql`${t.status} = 'received'`),
    index('webhook_events_waiting_idx')
      .on(t.waitingFor)
      .where(sql`${t.status} = 'deferred'`),
  ],
);

export const PAYMENT_OUTCOMES = ['order', 'late_refund'] as const;

/** A successful payment of a window: exactly one per window. */
export const payments = paymentsSchema.table(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    windowId: uuid('window_id').notNull(),
    provider: text('provider', { enum: PROVIDERS }).notNull(),
    providerSessionId: text('provider_session_id').notNull(),
    paymentIntentId: text('payment_intent_id').notNull(),
    chargeId: text('charge_id'),
    buyerId: uuid('buyer_id').notNull(),
    makerId: uuid('maker_id').notNull(),
    /** Everything the buyer paid: the piece plus shipping (refunds and the payout count from it). */
    amountMinor: money('amount_minor').notNull(),
    currency: text('currency').notNull(),
    /** The shipping part of `amountMinor`. */
    shippingMinor: money('shipping_minor').notNull().default(0),
    feeMinor: money('fee_minor').notNull(),
    chargeMode: text('charge_mode', { enum: CHARGE_MODES }).notNull(),
    destinationAccountId: text('destination_account_id'),
    /** `order` when the window accepted it; `late_refund` when the window had closed (refunded, no order). */
    outcome: text('outcome', { enum: PAYMENT_OUTCOMES }).notNull(),
    /** The order the payment created (null for a late payment). */
    orderId: uuid('order_id'),
    /** Refunds asked of the provider and not failed: the bound for new refunds. */
    refundReservedMinor: money('refund_reserved_minor').notNull().default(0),
    /** Money back with the buyer: our settled refunds, or the provider's total when higher. */
    refundedMinor: money('refunded_minor').notNull().default(0),
    disputedAt: at('disputed_at'),
    paidAt: at('paid_at').notNull(),
  },
  (t) => [
    uniqueIndex('payments_window_key').on(t.windowId),
    uniqueIndex('payments_payment_intent_key').on(t.paymentIntentId),
    index('payments_buyer_idx').on(t.buyerId, t.paidAt),
  ],
);

export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** Refunds we asked the provider for; the row id is the provider idempotency key. */
export const refunds = paymentsSchema.table(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    orderId: uuid('order_id'),
    amountMinor: money('amount_minor').notNull(),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by'),
    status: text('status', { enum: REFUND_STATUSES }).notNull(),
    providerRefundId: text('provider_refund_id'),
    failureMessage: text('failure_message'),
    createdAt: at('created_at').notNull(),
    settledAt: at('settled_at'),
  },
  (t) => [index('refunds_payment_idx').on(t.paymentId, t.createdAt)],
);

export const PAYOUT_STATUSES = ['held', 'released'] as const;

/**
 * The maker's payout for one order, released when the order completes. What "released" means
 * depends on the charge mode (see `release-payout.ts`); it is recorded either way.
 */
export const payouts = paymentsSchema.table(
  'payouts',
  {
    orderId: uuid('order_id').primaryKey(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    makerId: uuid('maker_id').notNull(),
    amountMinor: money('amount_minor').notNull(),
    currency: text('currency').notNull(),
    chargeMode: text('charge_mode', { enum: CHARGE_MODES }).notNull(),
    status: text('status', { enum: PAYOUT_STATUSES }).notNull(),
    heldReason: text('held_reason'),
    transferId: text('transfer_id'),
    releasedAt: at('released_at'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('payouts_maker_idx').on(t.makerId, t.status)],
);

export type PaymentAccountRow = typeof paymentAccounts.$inferSelect;
export type CheckoutSessionRow = typeof checkoutSessions.$inferSelect;
export type WebhookEventRow = typeof webhookEvents.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;
export type PayoutRow = typeof payouts.$inferSelect;
