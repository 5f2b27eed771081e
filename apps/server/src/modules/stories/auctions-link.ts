import type { Executor } from '../../platform/db/client';

/** Auction states as the auctions module names them. */
export type AuctionSummaryState =
  'active' | 'ended' | 'awaiting_payment' | 'paid' | 'cancelled' | 'lapsed' | 'payment_expired';

/** What the feed and the story page show of a story's current auction (never the reserve itself). */
export interface AuctionSummary {
  auctionId: string;
  state: AuctionSummaryState;
  /** Null until a bid stands. */
  highBidMinor: number | null;
  currency: string;
  reserveMet: boolean;
  /** ISO 8601 UTC. */
  endsAt: string;
  minNextBidMinor: number | null;
}

/**
 * What the stories module needs from the auctions module, bound late because auctions is built
 * after stories (it needs the story terms). Until it is registered, stories carry no auction and
 * nothing is blocked.
 */
export interface AuctionsLink {
  /** The current auction of each story that has one. */
  summaries(storyIds: string[]): Promise<Map<string, AuctionSummary>>;
  /**
   * True while an auction is active or awaiting payment, or a buy-now holds the story. Called with
   * the caller's transaction after it locked the story row, so an auction starting at the same
   * moment (which locks the row through `lockStoryTerms`) is seen.
   */
  blocksStoryChanges(storyId: string, tx?: Executor): Promise<boolean>;
  /** Removes the auctions module's records of a story being deleted, in the deleting transaction. */
  eraseStory?(tx: Executor, storyId: string): Promise<void>;
}

export type AuctionsLinkProvider = () => AuctionsLink | null;
