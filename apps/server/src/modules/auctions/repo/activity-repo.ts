/**
 * "My activity" reads: the auctions a user bid on, with their own highest bid and maximum, and the
 * offers they made. Newest first, keyset on (time, id).
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client';
import type { KeysetPosition } from '../../../platform/keyset-cursor';
import type { AuctionStatus } from '../rules';
import { offers, type OfferRow } from '../tables';

export interface BidActivityRow {
  auctionId: string;
  storyId: string;
  status: AuctionStatus;
  currency: string;
  highBidMinor: number | null;
  endsAt: Date;
  leaderId: string | null;
  winnerId: string | null;
  paymentDueAt: Date | null;
  myHighestBidMinor: number;
  myMaxMinor: number;
  /** The time of the user's latest bid on the auction as the database wrote it (the sort key). */
  lastBidAt: string;
}

/**
 * The auctions `userId` placed a standing bid on, by their latest bid, newest first. The user's
 * maximum is the standing one, or (once it no longer stands) the largest they ever set.
 */
export async function bidActivity(
  db: Executor,
  input: { userId: string; limit: number; after: { at: string; id: string } | null },
): Promise<BidActivityRow[]> {
  const after = input.after
    ? sql`where (mine.last_at, a.id) < (${input.after.at}::timestamptz, ${input.after.id}::uuid)`
    : sql``;
  const result = await db.execute<{
    auction_id: string;
    story_id: string;
    status: AuctionStatus;
    currency: string;
    high_bid_minor: string | null;
    ends_at: Date;
    leader_id: string | null;
    winner_id: string | null;
    payment_due_at: Date | null;
    my_highest: string;
    my_max: string;
    last_at: string;
  }>(sql`
    select a.id as auction_id, a.story_id, a.status, a.currency, a.high_bid_minor, a.ends_at, a.leader_id,
           a.winner_id, a.payment_due_at, mine.my_highest,
           coalesce(m.max_amount_minor, mine.max_ever) as my_max, mine.last_at::text as last_at
      from (select b.auction_id, max(b.created_at) as last_at,
                   max(b.amount_minor) filter (where b.kind <> 'max_raise') as my_highest,
                   max(b.max_amount_minor) as max_ever
              from auctions.bids b
             where b.bidder_id = ${input.userId} and not b.voided
             group by b.auction_id) mine
      join auctions.auctions a on a.id = mine.auction_id
      left join auctions.maxima m on m.auction_id = a.id and m.bidder_id = ${input.userId}
      ${after}
     order by mine.last_at desc, a.id desc
     limit ${input.limit}`);
  const money = (v: string | null) => (v === null ? null : Number(v));
  return result.rows.map((r) => ({
    auctionId: r.auction_id,
    storyId: r.story_id,
    status: r.status,
    currency: r.currency,
    highBidMinor: money(r.high_bid_minor),
    endsAt: new Date(r.ends_at),
    leaderId: r.leader_id,
    winnerId: r.winner_id,
    paymentDueAt: r.payment_due_at === null ? null : new Date(r.payment_due_at),
    myHighestBidMinor: Number(r.my_highest ?? 0),
    myMaxMinor: Number(r.my_max),
    lastBidAt: r.last_at,
  }));
}

/** The offers `userId` made, newest first. */
export async function offerActivity(
  db: Executor,
  input: { userId: string; limit: number; after: KeysetPosition | null },
): Promise<OfferRow[]> {
  return db
    .select()
    .from(offers)
    .where(
      and(
        eq(offers.userId, input.userId),
        input.after
          ? sql`(${offers.createdAt}, ${offers.id}) < (${input.after.at.toISOString()}::timestamptz, ${input.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(offers.createdAt), desc(offers.id))
    .limit(input.limit);
}
