import { AUCTION_STATUSES } from '@vw/domain';
import { sql } from 'drizzle-orm';
import { at, money } from '../../platform/db/columns';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const auctionsSchema = pgSchema('auctions');

/**
 * One row per story that has ever seen an offer or a buy-now: it is the lock every offer, buy-now
 * and relist on the story takes first (so two qualifying offers cannot open two auctions), and it
 * holds the story's current auction and its buy-now reservation.
 */
export const storyMarkets = auctionsSchema.table('story_markets', {
  storyId: uuid('story_id').primaryKey(),
  /** The auction shown for the story (null before the first one and after a relist). */
  currentAuctionId: uuid('current_auction_id'),
  /** The buy-now payment window holding the story while its buyer pays. */
  reservedWindowId: uuid('reserved_window_id'),
  reservedUntil: at('reserved_until'),
  /** Set when a buy-now payment succeeded: the piece is gone. */
  soldAt: at('sold_at'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** The auction's state (the rules' `AuctionState` minus bids and maximums, which have their own tables). */
export const auctions = auctionsSchema.table(
  'auctions',
  {
    id: uuid('id').primaryKey(),
    storyId: uuid('story_id').notNull(),
    makerId: uuid('maker_id').notNull(),
    status: text('status', { enum: AUCTION_STATUSES }).notNull(),
    currency: text('currency').notNull(),
    reserveMinor: money('reserve_minor'),
    openingMinimumMinor: money('opening_minimum_minor').notNull(),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    leaderId: uuid('leader_id'),
    highBidMinor: money('high_bid_minor'),
    lastSequence: integer('last_sequence').notNull(),
    /** Shown, standing bids (kept here so reads need not count the log). */
    bidCount: integer('bid_count').notNull(),
    endedAt: at('ended_at'),
    makerDecisionDeadline: at('maker_decision_deadline'),
    winnerId: uuid('winner_id'),
    winningAmountMinor: money('winning_amount_minor'),
    winnerSource: text('winner_source', { enum: ['auction', 'maker_accepted', 'second_chance'] }),
    paymentDueAt: at('payment_due_at'),
    failedWinnerIds: uuid('failed_winner_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    endingSoonNotifiedAt: at('ending_soon_notified_at'),
    /** Bumped on every change; live messages carry it so clients drop stale ones. */
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // At most one auction in flight per story, whatever the application does.
    uniqueIndex('auctions_one_open_per_story')
      .on(t.storyId)
      .where(sql`${t.status} in ('active', 'ended', 'awaiting_payment', 'payment_expired', 'paid')`),
    index('auctions_status_ends_idx').on(t.status, t.endsAt),
  ],
);

/**
 * Every accepted bid, proxy bid and private max raise, in acceptance order. Rows are never deleted
 * and only the void flags ever change (enforced by a trigger).
 */
export const bids = auctionsSchema.table(
  'bids',
  {
    id: text('id').primaryKey(),
    auctionId: uuid('auction_id')
      .notNull()
      .references(() => auctions.id),
    sequence: integer('sequence').notNull(),
    bidderId: uuid('bidder_id').notNull(),
    kind: text('kind', { enum: ['opening', 'bid', 'proxy', 'max_raise'] }).notNull(),
    amountMinor: money('amount_minor').notNull(),
    maxAmountMinor: money('max_amount_minor').notNull(),
    requestId: text('request_id').notNull(),
    voided: boolean('voided').notNull().default(false),
    voidReason: text('void_reason', { enum: ['fraud', 'superseded'] }),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('bids_auction_sequence_key').on(t.auctionId, t.sequence),
    index('bids_bidder_idx').on(t.bidderId, t.createdAt),
  ],
);

/** Each bidder's standing proxy maximum (private to them). */
export const maxima = auctionsSchema.table(
  'maxima',
  {
    auctionId: uuid('auction_id')
      .notNull()
      .references(() => auctions.id),
    bidderId: uuid('bidder_id').notNull(),
    maxAmountMinor: money('max_amount_minor').notNull(),
    setAt: at('set_at').notNull(),
    setSequence: integer('set_sequence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.auctionId, t.bidderId] })],
);

/** Per-auction pseudonyms ("Bidder 3"), numbered by first bid, so live views never show names. */
export const bidders = auctionsSchema.table(
  'bidders',
  {
    auctionId: uuid('auction_id')
      .notNull()
      .references(() => auctions.id),
    userId: uuid('user_id').notNull(),
    aliasNumber: integer('alias_number').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.auctionId, t.userId] }),
    uniqueIndex('bidders_alias_key').on(t.auctionId, t.aliasNumber),
  ],
);

export const OFFER_STATUSES = ['pending', 'opened_auction', 'declined', 'withdrawn', 'superseded'] as const;

export const offers = auctionsSchema.table(
  'offers',
  {
    id: uuid('id').primaryKey(),
    storyId: uuid('story_id').notNull(),
    userId: uuid('user_id').notNull(),
    amountMinor: money('amount_minor').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: OFFER_STATUSES }).notNull(),
    auctionId: uuid('auction_id'),
    createdAt: at('created_at').notNull(),
    decidedAt: at('decided_at'),
  },
  (t) => [
    // One active offer per user per story, even if two requests race past the application check.
    uniqueIndex('offers_one_pending_per_user')
      .on(t.storyId, t.userId)
      .where(sql`${t.status} = 'pending'`),
    index('offers_story_idx').on(t.storyId, t.status, t.createdAt),
    index('offers_user_idx').on(t.userId, t.createdAt),
  ],
);

/** Append-only log of every auction transition (a trigger refuses UPDATE and DELETE). */
export const auctionEvents = auctionsSchema.table(
  'auction_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Null for story-level events (a buy-now window). */
    auctionId: uuid('auction_id'),
    storyId: uuid('story_id').notNull(),
    type: text('type').notNull(),
    data: jsonb('data').notNull(),
    at: at('at').notNull(),
    recordedAt: at('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    index('auction_events_auction_idx').on(t.auctionId, t.id),
    // An auction ends once: a second `ended` for the same auction cannot be written.
    uniqueIndex('auction_events_one_end')
      .on(t.auctionId)
      .where(sql`${t.type} = 'ended'`),
  ],
);

export const PAYMENT_WINDOW_STATUSES = ['open', 'paid', 'expired', 'cancelled'] as const;
export const PAYMENT_WINDOW_REASONS = ['won', 'maker_accepted', 'second_chance', 'buy_now'] as const;

/** A winner's (or buy-now buyer's) time to pay; the payments module builds the checkout from it. */
export const paymentWindows = auctionsSchema.table(
  'payment_windows',
  {
    id: uuid('id').primaryKey(),
    auctionId: uuid('auction_id'),
    storyId: uuid('story_id').notNull(),
    makerId: uuid('maker_id').notNull(),
    winnerId: uuid('winner_id').notNull(),
    amountMinor: money('amount_minor').notNull(),
    currency: text('currency').notNull(),
    /** The country the winner named; the checkout takes an address there. Null: any country (older windows). */
    shippingCountry: text('shipping_country'),
    /** The story's price to ship there, charged on top of `amountMinor`. */
    shippingMinor: money('shipping_minor').notNull().default(0),
    reason: text('reason', { enum: PAYMENT_WINDOW_REASONS }).notNull(),
    status: text('status', { enum: PAYMENT_WINDOW_STATUSES }).notNull(),
    opensAt: at('opens_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    closedAt: at('closed_at'),
  },
  (t) => [
    // One open window per story: an auction's winner and a buy-now buyer can never both be paying.
    uniqueIndex('payment_windows_one_open_per_story')
      .on(t.storyId)
      .where(sql`${t.status} = 'open'`),
    index('payment_windows_auction_idx').on(t.auctionId, t.opensAt),
    index('payment_windows_winner_idx').on(t.winnerId, t.opensAt),
  ],
);

/**
 * The country each buyer named for a story (their latest offer, bid or buy-now): a payment window
 * quotes the winner's shipping for it.
 */
export const shipTo = auctionsSchema.table(
  'ship_to',
  {
    storyId: uuid('story_id').notNull(),
    userId: uuid('user_id').notNull(),
    country: text('country').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.userId] })],
);

/** Non-payment strikes: one per expired window; three block bidding, offers and buy-now. */
export const strikes = auctionsSchema.table(
  'strikes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    windowId: uuid('window_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('strikes_window_key').on(t.windowId), index('strikes_user_idx').on(t.userId)],
);

export type AuctionRow = typeof auctions.$inferSelect;
export type BidRow = typeof bids.$inferSelect;
export type OfferRow = typeof offers.$inferSelect;
export type PaymentWindowRow = typeof paymentWindows.$inferSelect;
export type MarketRow = typeof storyMarkets.$inferSelect;
