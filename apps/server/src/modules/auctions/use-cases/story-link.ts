/** What the stories module asks of auctions: summaries for the feed, and whether a story may change. */
import { inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client';
import type { AuctionsDeps } from '../deps';
import { stateOf } from '../repo/auction-rows';
import { readMarket, readMarkets, supersedePendingOffers } from '../repo/market-repo';
import { isReserveMet, nextBidMinimum, type AuctionStatus } from '../rules';
import { auctions } from '../tables';

export interface AuctionSummary {
  auctionId: string;
  state: AuctionStatus;
  highBidMinor: number | null;
  currency: string;
  reserveMet: boolean;
  endsAt: string;
  minNextBidMinor: number | null;
  /** Standing (not voided) bids. */
  bidCount: number;
}

/** The current auction of each story that has one. */
export async function auctionSummaries(deps: AuctionsDeps, storyIds: string[]): Promise<Map<string, AuctionSummary>> {
  const markets = await readMarkets(deps.db, storyIds);
  const ids = markets.map((m) => m.currentAuctionId).filter((id): id is string => id !== null);
  const out = new Map<string, AuctionSummary>();
  if (ids.length === 0) return out;
  const rows = await deps.db.select().from(auctions).where(inArray(auctions.id, ids));
  for (const row of rows) {
    const state = stateOf(row, [], []);
    out.set(row.storyId, {
      auctionId: row.id,
      state: row.status,
      highBidMinor: row.highBidMinor,
      currency: row.currency,
      reserveMet: isReserveMet(state),
      endsAt: row.endsAt.toISOString(),
      minNextBidMinor: row.status === 'active' ? nextBidMinimum(state, deps.rules) : null,
      bidCount: row.bidCount,
    });
  }
  return out;
}

/** Auction states during which the story's terms are promised to bidders. */
const IN_FLIGHT: ReadonlySet<AuctionStatus> = new Set(['active', 'ended', 'awaiting_payment', 'payment_expired']);

/**
 * True while an auction is in flight (bidding, the maker's decision, the payment window, the
 * choice after an unpaid window) or a buy-now buyer is paying.
 */
export async function blocksStoryChanges(deps: AuctionsDeps, storyId: string, tx?: Executor): Promise<boolean> {
  const db = tx ?? deps.db;
  const market = await readMarket(db, storyId);
  if (market === null) return false;
  if (market.reservedWindowId !== null) return true;
  if (market.currentAuctionId === null) return false;
  const [row] = await db
    .select({ status: auctions.status })
    .from(auctions)
    .where(inArray(auctions.id, [market.currentAuctionId]));
  return row !== undefined && IN_FLIGHT.has(row.status);
}

/** A story is being deleted: offers still waiting on it are closed. Auction history is kept. */
export async function eraseStory(deps: AuctionsDeps, tx: Executor, storyId: string): Promise<void> {
  await supersedePendingOffers(tx, storyId, deps.clock.now());
}
