import { z } from 'zod';
import type { SealedFor } from '../../platform/crypto/envelope';
import type { ShippingAddress } from '../payments';
import type { OrdersDeps } from './deps';
import { receiptPath, receiptToken } from './receipt/receipt-token';
import type { Relation } from './rules';
import { isShippingOverdue } from './rules';
import { ORDER_STATUSES, type OrderRow } from './tables';
import { trackingUrl } from './tracking';

const shippingAddress = z
  .object({
    name: z.string(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    postalCode: z.string(),
    country: z.string(),
    state: z.string().nullable().optional(),
  })
  .meta({ id: 'ShippingAddress' });

const iso = z.string().describe('ISO 8601 UTC');

export const orderView = z
  .object({
    id: z.string(),
    status: z.enum(ORDER_STATUSES),
    windowId: z.string(),
    auctionId: z.string().nullable(),
    storyId: z.string(),
    itemTitle: z.string(),
    buyerId: z.string(),
    makerId: z.string(),
    amountMinor: z.number().int().describe('everything the buyer paid: the piece plus shipping'),
    itemMinor: z.number().int().describe("the piece's price"),
    shippingMinor: z.number().int().describe('the shipping part of amountMinor'),
    currency: z.string(),
    refundedMinor: z.number().int(),
    /** The platform fee and payout state: the maker's and admins' business only. */
    feeMinor: z.number().int().optional(),
    payoutHeldReason: z.string().nullable().optional(),
    shippingAddress: shippingAddress.nullable().describe('Shown to the buyer and the maker only'),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    trackingUrl: z
      .string()
      .nullable()
      .describe('The carrier’s tracking page when the carrier and number are recognised; null otherwise'),
    paidAt: iso,
    shippingDueAt: iso,
    shippingOverdue: z.boolean(),
    shippedAt: iso.nullable(),
    autoDeliverAt: iso.nullable(),
    deliveredAt: iso.nullable(),
    deliveredBy: z.enum(['buyer', 'automatic']).nullable(),
    completedAt: iso.nullable(),
    cancelledAt: iso.nullable(),
    refundedAt: iso.nullable(),
    disputedAt: iso.nullable(),
    disputeReason: z.string().nullable(),
    /** Your role on this order. */
    as: z.enum(['buyer', 'maker', 'admin']),
    receiptUrl: z.string(),
  })
  .meta({ id: 'Order' });

export type OrderView = z.infer<typeof orderView>;

const isoOrNull = (d: Date | null): string | null => d?.toISOString() ?? null;

/** The associated data of an order's sealed shipping address: bound to the order's row. */
export function shippingAddressSealedFor(orderId: string): SealedFor {
  return { purpose: 'orders.orders.shipping_address', rowId: orderId };
}

/** The address for the parties to the sale; null for anyone else (admins included). */
export function shippingAddressFor(
  deps: Pick<OrdersDeps, 'secrets'>,
  order: OrderRow,
  relation: Relation,
): ShippingAddress | null {
  if (relation === 'admin' || !order.shippingAddressEncrypted) return null;
  return JSON.parse(
    deps.secrets.cipher.decrypt(order.shippingAddressEncrypted, shippingAddressSealedFor(order.id)),
  ) as ShippingAddress;
}

export function presentOrder(
  deps: Pick<OrdersDeps, 'secrets' | 'clock'>,
  order: OrderRow,
  relation: Relation,
  viewerId: string,
): OrderView {
  const seesMoney = relation !== 'buyer';
  return {
    id: order.id,
    status: order.status,
    windowId: order.windowId,
    auctionId: order.auctionId,
    storyId: order.storyId,
    itemTitle: order.itemTitle,
    buyerId: order.buyerId,
    makerId: order.makerId,
    amountMinor: order.amountMinor,
    itemMinor: order.amountMinor - order.shippingMinor,
    shippingMinor: order.shippingMinor,
    currency: order.currency,
    refundedMinor: order.refundedMinor,
    ...(seesMoney ? { feeMinor: order.feeMinor, payoutHeldReason: order.payoutHeldReason } : {}),
    shippingAddress: shippingAddressFor(deps, order, relation),
    carrier: order.carrier,
    trackingNumber: order.trackingNumber,
    trackingUrl: trackingUrl(order.carrier, order.trackingNumber),
    paidAt: order.paidAt.toISOString(),
    shippingDueAt: order.shippingDueAt.toISOString(),
    shippingOverdue: isShippingOverdue(order, deps.clock.now()),
    shippedAt: isoOrNull(order.shippedAt),
    autoDeliverAt: isoOrNull(order.autoDeliverAt),
    deliveredAt: isoOrNull(order.deliveredAt),
    deliveredBy: order.deliveredBy,
    completedAt: isoOrNull(order.completedAt),
    cancelledAt: isoOrNull(order.cancelledAt),
    refundedAt: isoOrNull(order.refundedAt),
    disputedAt: isoOrNull(order.disputedAt),
    disputeReason: order.disputeReason,
    as: relation,
    receiptUrl: receiptPath(
      order.id,
      receiptToken(deps.secrets.internalSigningSecret, order.id, viewerId, relation, deps.clock.now().getTime()),
    ),
  };
}
