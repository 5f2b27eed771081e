import type { Clock } from '../../platform/clock';
import type { Database, Executor } from '../../platform/db/client';
import type { Metrics } from '../../platform/metrics';
import type { Realtime } from '../../platform/realtime/realtime';
import type { Logger } from 'pino';
import type { IdentityService } from '../identity';
import type { NotifyInput } from '../notifications';
import type { StoryEventListener } from '../stories';
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
}

/** The part of the stories service this module calls. */
export interface StoriesPort {
  storyTerms(storyId: string): Promise<StoryTermsView | null>;
  /**
   * The same, read in the caller's transaction with the story row locked, so the story cannot
   * change its terms (or be unpublished) while an offer opens its auction.
   */
  lockStoryTerms?(tx: Executor, storyId: string): Promise<StoryTermsView | null>;
  /** Story events (an admin take-down), delivered inside the transaction that caused them. */
  onEvent?(listener: StoryEventListener): void;
}

/** The part of the notifications service this module calls (inside its transactions). */
export interface NotificationsPort {
  notify(tx: Executor, input: NotifyInput): Promise<void>;
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

/** What the payments module will plug in: the hosted checkout of a payment window. */
export interface PaymentsPort {
  checkoutUrlFor(window: PaymentWindowView): Promise<string | null>;
  /** Called in the transaction that opens a window (e.g. to enqueue the checkout session's creation). */
  windowOpened?(tx: Executor, window: PaymentWindowView): Promise<void>;
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
  reason: PaymentWindowReason;
  status: PaymentWindowStatus;
  opensAt: Date;
  expiresAt: Date;
}

/** Everything the use cases need, built once by the module factory. */
export interface AuctionsDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  metrics: AuctionMetrics;
  realtime: Realtime;
  rules: AuctionRulesConfig;
  identity: Pick<IdentityService, 'hasTotp'>;
  stories: () => StoriesPort;
  notifications: () => NotificationsPort | null;
  payments: () => PaymentsPort | null;
  analytics: () => AnalyticsPort | null;
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
