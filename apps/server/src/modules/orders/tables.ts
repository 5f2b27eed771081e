import { sql } from 'drizzle-orm';
import { at, money } from '../../platform/db/columns';
import { bigserial, boolean, index, jsonb, pgSchema, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const ordersSchema = pgSchema('orders');

export const ORDER_STATUSES = [
  'paid',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'refunded',
  'disputed',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** A sale: created exactly once per paid payment window, kept for the legal record. */
export const orders = ordersSchema.table(
  'orders',
  {
    id: uuid('id').primaryKey(),
    windowId: uuid('window_id').notNull(),
    paymentId: uuid('payment_id').notNull(),
    auctionId: uuid('auction_id'),
    storyId: uuid('story_id').notNull(),
    buyerId: uuid('buyer_id').notNull(),
    makerId: uuid('maker_id').notNull(),
    itemTitle: text('item_title').notNull(),
    /** Everything the buyer paid: the piece plus shipping. */
    amountMinor: money('amount_minor').notNull(),
    /** The shipping part of `amountMinor` (the platform's fee is on the rest). */
    shippingMinor: money('shipping_minor').notNull().default(0),
    feeMinor: money('fee_minor').notNull(),
    currency: text('currency').notNull(),
    /** Money back with the buyer so far (settled refunds). */
    refundedMinor: money('refunded_minor').notNull().default(0),
    status: text('status', { enum: ORDER_STATUSES }).notNull(),
    /** Encrypted JSON of the address collected at checkout; only the buyer and the maker see it. */
    shippingAddressEncrypted: text('shipping_address_encrypted'),
    /** The buyer deleted their account while the order was open: drop the address once it closes. */
    eraseAddressOnClose: boolean('erase_address_on_close').notNull().default(false),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    paidAt: at('paid_at').notNull(),
    shippingReminderAt: at('shipping_reminder_at').notNull(),
    shippingDueAt: at('shipping_due_at').notNull(),
    shippingReminderSentAt: at('shipping_reminder_sent_at'),
    overdueFlaggedAt: at('overdue_flagged_at'),
    shippedAt: at('shipped_at'),
    autoDeliverAt: at('auto_deliver_at'),
    deliveredAt: at('delivered_at'),
    deliveredBy: text('delivered_by', { enum: ['buyer', 'automatic'] }),
    completedAt: at('completed_at'),
    cancelledAt: at('cancelled_at'),
    refundedAt: at('refunded_at'),
    disputedAt: at('disputed_at'),
    disputeReason: text('dispute_reason'),
    /** The maker's payout is waiting (no payout account yet, no TOTP); completion retries. */
    payoutHeldReason: text('payout_held_reason'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('orders_window_key').on(t.windowId),
    uniqueIndex('orders_payment_key').on(t.paymentId),
    index('orders_buyer_idx').on(t.buyerId, t.createdAt, t.id),
    index('orders_maker_idx').on(t.makerId, t.createdAt, t.id),
    // The SLA sweep's work list: only orders still in flight.
    index('orders_open_idx')
      .on(t.status, t.shippingDueAt)
      .where(sql`${t.status} in ('paid', 'shipped', 'delivered')`),
  ],
);

/** Append-only history of an order: every transition, who caused it and why. */
export const orderEvents = ordersSchema.table(
  'order_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: at('at').notNull(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.id)],
);

export type OrderRow = typeof orders.$inferSelect;
export type OrderEventRow = typeof orderEvents.$inferSelect;
