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
