/** Request and answer shapes of the auctions routes (they feed OpenAPI and the generated client). */
import { queryInt } from '../../platform/http/query-int.js';
import { z } from 'zod';
import { idSchema } from '../../platform/ids';
import { MAX_AMOUNT_MINOR } from './rules';
import { AUCTION_STATUSES, isCountryCode } from '@vw/domain';

export const amountMinor = z.number().int().positive().max(MAX_AMOUNT_MINOR).describe('integer minor units');
export const idParam = z.object({ id: idSchema });

export const auctionStatus = z.enum(AUCTION_STATUSES);

export const auctionView = z
  .object({
    id: z.string(),
    storyId: z.string(),
    status: auctionStatus,
    currency: z.string(),
    highBidMinor: z.number().int().nullable(),
    minNextBidMinor: z.number().int().nullable().describe('null once the auction no longer takes bids'),
    leaderId: z.string().nullable().describe("the leading bidder's user id (opaque; no personal data)"),
    leaderAlias: z.string().nullable().describe('per-auction pseudonym shown instead of a name, e.g. "Bidder 2"'),
    reserveMet: z.boolean(),
    hasReserve: z.boolean(),
    startsAt: z.string(),
    endsAt: z.string(),
    endedAt: z.string().nullable(),
    winnerId: z.string().nullable(),
    winningAmountMinor: z.number().int().nullable(),
    bidCount: z.number().int(),
    makerDecisionDeadline: z.string().nullable(),
    paymentDueAt: z.string().nullable(),
    myMaxAmountMinor: z.number().int().nullable().describe("the caller's own proxy maximum (only theirs)"),
    isLeading: z.boolean().describe('the caller leads'),
    makerActions: z
      .array(z.enum(['accept', 'second_chance', 'relist']))
      .describe('to the maker only: the decisions the server takes on this auction now (empty for anyone else)'),
    version: z.number().int().describe('bumped on every change; live messages carry it too'),
    serverTime: z.string(),
  })
  .meta({ id: 'Auction' });

export const bidKind = z.enum(['opening', 'bid', 'proxy', 'max_raise']);

export const publicBid = z
  .object({
    id: z.string(),
    bidderId: z.string(),
    bidderAlias: z.string(),
    amountMinor: z.number().int(),
    kind: bidKind.exclude(['max_raise']),
    sequence: z.number().int(),
    createdAt: z.string(),
    voided: z.boolean(),
    voidReason: z.enum(['fraud', 'superseded']).nullable(),
  })
  .meta({ id: 'Bid' });

export const ownBid = z
  .object({
    id: z.string(),
    auctionId: z.string(),
    bidderId: z.string(),
    amountMinor: z.number().int(),
    maxAmountMinor: z.number().int().describe('private: only ever shown to the bidder'),
    kind: bidKind,
    sequence: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'OwnBid' });

export const offerView = z
  .object({
    id: z.string(),
    storyId: z.string(),
    userId: z.string(),
    amountMinor: z.number().int(),
    currency: z.string(),
    status: z.enum(['pending', 'opened_auction', 'declined', 'withdrawn', 'superseded']),
    auctionId: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'Offer' });

export const paymentWindowView = z
  .object({
    id: z.string(),
    auctionId: z.string().nullable(),
    storyId: z.string(),
    winnerId: z.string(),
    status: z.enum(['open', 'paid', 'expired', 'cancelled']),
    reason: z.enum(['won', 'maker_accepted', 'second_chance', 'buy_now']),
    amountMinor: z.number().int(),
    currency: z.string(),
    shippingCountry: z.string().nullable().describe('the checkout takes a shipping address in this country'),
    shippingMinor: z.number().int().describe('shipping there, charged on top of amountMinor'),
    opensAt: z.string(),
    expiresAt: z.string(),
    checkoutUrl: z.string().nullable().describe('hosted checkout; null until the payments module provides one'),
  })
  .meta({ id: 'PaymentWindow' });

export const offerAnswer = z.object({ offer: offerView, auction: auctionView.nullable() });
export const bidAnswer = z.object({ bid: ownBid, auction: auctionView });
export const bidList = z.object({ items: z.array(publicBid), nextAfterSequence: z.number().int().nullable() });
export const offerList = z.object({ items: z.array(offerView) });

/** Where the buyer wants the piece; without it, the country on their account. */
export const shippingCountry = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, 'an ISO 3166-1 alpha-2 country code')
  .optional()
  .describe("where the piece would ship (ISO 3166-1 alpha-2); without it, the account's country");

export const offerBody = z.object({ amountMinor, currency: z.string().length(3).optional(), shippingCountry });
export const bidBody = z.object({ amountMinor, maxAmountMinor: amountMinor.optional(), shippingCountry });
export const buyBody = z.object({ shippingCountry }).optional();
export const bidListQuery = z.object({
  afterSequence: queryInt({ min: 0 }).optional(),
  limit: queryInt({ min: 1, max: 1000 }).default(500),
});
export const offerListQuery = z.object({
  status: z.enum(['pending', 'opened_auction', 'declined', 'withdrawn', 'superseded']).optional(),
});
export const voidParams = z.object({ id: idSchema, bidId: z.string().min(1).max(120) });
export const voidBody = z.object({ reason: z.string().trim().min(3).max(500) });

/** Documents the Idempotency-Key header (loose: the other headers pass through untouched). */
export const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .optional()
    .describe('8–128 characters; retrying with the same key and body returns the first answer, another body 422'),
});

export const activityQuery = z.object({
  cursor: z.string().max(400).optional(),
  limit: queryInt({ min: 1, max: 50 }).default(20),
});

export const bidStanding = z
  .enum(['leading', 'outbid', 'won', 'lost'])
  .describe('leading/outbid while the auction runs (or waits on the maker); won/lost once it has a result');

export const bidActivityItem = z
  .object({
    auctionId: z.string(),
    storyId: z.string(),
    title: z.string(),
    status: auctionStatus,
    highBidMinor: z.number().int().nullable(),
    currency: z.string(),
    endsAt: z.string(),
    myHighestBidMinor: z.number().int(),
    myMaxMinor: z.number().int().describe('private: the caller’s own maximum'),
    standing: bidStanding,
    paymentDueAt: z
      .string()
      .nullable()
      .describe('set on a win awaiting payment: pay at /auctions/{auctionId}/payment before then'),
  })
  .meta({ id: 'BidActivity' });

export const bidActivityPage = z.object({ items: z.array(bidActivityItem), nextCursor: z.string().nullable() });

export const offerActivityItem = offerView.extend({ title: z.string() }).meta({ id: 'OfferActivity' });
export const offerActivityPage = z.object({ items: z.array(offerActivityItem), nextCursor: z.string().nullable() });
