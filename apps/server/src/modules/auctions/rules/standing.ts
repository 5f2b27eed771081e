/** Where a bidder stands in an auction, as "my activity" shows it. */
import type { AuctionStatus } from './auction-state';

export type BidStanding = 'leading' | 'outbid' | 'won' | 'lost';

/**
 * While bids are taken or the maker decides on an unmet reserve, the leader leads and everyone
 * else is outbid; once a winner is named, they won and everyone else lost; an auction closed
 * without a sale (cancelled, lapsed, unpaid) is lost to everyone, including an unpaying winner.
 */
export function standingOf(
  auction: { status: AuctionStatus; leaderId: string | null; winnerId: string | null },
  userId: string,
): BidStanding {
  switch (auction.status) {
    case 'active':
    case 'ended':
      return auction.leaderId === userId ? 'leading' : 'outbid';
    case 'awaiting_payment':
    case 'paid':
      return auction.winnerId === userId ? 'won' : 'lost';
    case 'payment_expired':
    case 'cancelled':
    case 'lapsed':
      return 'lost';
    default: {
      const exhaustive: never = auction.status;
      return exhaustive;
    }
  }
}
