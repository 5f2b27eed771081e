import type { ShippingPolicy } from '@vw/domain';
import type { SQL, SQLWrapper } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import type { Database, Executor } from '../../platform/db/client';
import type { Metrics } from '../../platform/metrics';
import type { Realtime } from '../../platform/realtime/realtime';
import type { Logger } from 'pino';
import type { IdentityService } from '../identity';
import type { NotifyInput, Superseding } from '../notifications';
import type { StoryEventListener } from '../stories';
import type { AuctionLifecycleHub } from './effects/lifecycle-events';
import type { AuctionRulesConfig } from './rules';

/** What this module reads of a story (the stories module's `storyTerms`). */
export interface StoryTermsView {
  id: string;
  makerId: string;
  status: 'draft' | 'published' | 'archived';
  title: string;
  /** Null while a draft has no offer policy yet. */
  offerPolicy: { minOfferMinor: number; currency: string; autoRejectBelowMin: boolean } | null;
  reserveMinor: number | null;
  buyNowMinor: number | null;
  /** Where it ships from and how; null while a draft has none. */
  shipping: ShippingPolicy | null;
}

/** What this module calls of the identity service: the route guard, TOTP for makers' decisions, buyers' countries. */
export type IdentityPort = Pick<IdentityService, 'guard' | 'hasTotp' | 'countryOf' | 'countryExpression'>;

/** What this module calls of the stories service. */
export interface StoriesPort {
  /** Read in the caller's transaction when given one (no lock is taken). */
  storyTerms(storyId: string, tx?: Executor): Promise<StoryTermsView | null>;
  /** Titles (and more) of the stories that exist among `storyIds` (my activity lists them). */
  storiesByIds(storyIds: string[]): Promise<Map<string, { title: string }>>;
  /**
   * The same, read in the caller's transaction with the story row locked, so the story cannot
   * change its terms (or be unpublished) while an offer opens its auction.
   */
  lockStoryTerms(tx: Executor, storyId: string): Promise<StoryTermsView | null>;
  /** Story events (an admin take-down), delivered inside the transaction that caused them. */
  onEvent(listener: StoryEventListener): void;
  /** Tells search what the story's current auction now is (live, high bid, end), in the same transaction. */
  auctionChanged(
    tx: Executor,
    facts: { storyId: string; live: boolean; highBidMinor: number | null; endsAt: Date | null },
  ): Promise<void>;
}

/** The part of the notifications service this module calls (inside its transactions). */
export interface NotificationsPort {
  notify(tx: Executor, input: NotifyInput & Superseding): Promise<void>;
}

/** The analytics module's event log: accepted offers and bids feed the maker's funnel. */
export interface AnalyticsPort {
  record(
    tx: Executor,
    event: {
      type: 'offer' | 'bid';
      storyId: string;
      makerId: string;
      userId: string | null;
      auctionId?: string | null;
      amountMinor: number;
      currency: string;
    },
  ): Promise<void>;
}

/** Blocks between users (the conversations module): a user the maker blocked may not offer or bid on the maker's stories. */
export interface BlocksPort {
  /** Whether `blockerId` blocked `blockedId`, read in the caller's transaction. */
  hasBlocked(blockerId: string, blockedId: string, tx: Executor): Promise<boolean>;
  /** The same as an SQL condition, read in the statement that reads the auction. */
  blockedCondition(blockerId: SQLWrapper | string, blockedId: SQLWrapper | string): SQL<boolean>;
}

/** What this module calls of the payments module: the hosted checkout of a payment window. */
export interface PaymentsPort {
  checkoutUrlFor(window: PaymentWindowView): Promise<string | null>;
}

export type PaymentWindowStatus = 'open' | 'paid' | 'expired' | 'cancelled';
export type PaymentWindowReason = 'won' | 'maker_accepted' | 'second_chance' | 'buy_now';

/** A payment window as other modules and clients see it. */
export interface PaymentWindowView {
  id: string;
  /** Null for a buy-now window. */
  auctionId: string | null;
  storyId: string;
  makerId: string;
  winnerId: string;
  amountMinor: number;
  currency: string;
  /** Where the piece goes (the checkout takes an address there); null: any country. */
  shippingCountry: string | null;
  /** Shipping there, charged on top of `amountMinor`. */
  shippingMinor: number;
  reason: PaymentWindowReason;
  status: PaymentWindowStatus;
  opensAt: Date;
  expiresAt: Date;
}

/**
 * The other modules this one calls, every port required. Payments and analytics are built after
 * this module, so they are reached late: through a function the composition root answers once
 * they exist.
 */
export interface AuctionsPorts {
  identity: IdentityPort;
  stories: StoriesPort;
  notifications: NotificationsPort;
  payments: () => PaymentsPort;
  analytics: () => AnalyticsPort;
  blocks: () => BlocksPort;
}

/** Everything the use cases need, built once by the module factory. */
export interface AuctionsDeps extends AuctionsPorts {
  db: Database;
  clock: Clock;
  logger: Logger;
  metrics: AuctionMetrics;
  realtime: Realtime;
  rules: AuctionRulesConfig;
  /** Listeners to the auction lifecycle (other modules, through the service's `onEvent`). */
  lifecycle: AuctionLifecycleHub;
}

export interface AuctionMetrics {
  bidAccepted(): void;
  bidRefused(code: string): void;
  auctionEnded(outcome: string): void;
}

/** Registers the module's counters on the process registry. */
export function auctionMetrics(metrics: Metrics): AuctionMetrics {
  const accepted = metrics.counter('bids_accepted_total', 'Bids accepted (including max raises)');
  const refused = metrics.counter('bids_refused_total', 'Bids refused, by refusal code', ['code']);
  const ends = metrics.counter('auction_ends_total', 'Auction ends, by outcome', ['outcome']);
  return {
    bidAccepted: () => accepted.inc(),
    bidRefused: (code) => refused.inc({ code }),
    auctionEnded: (outcome) => ends.inc({ outcome }),
  };
}
