/** Story-level records: the market row (per-story lock, current auction, buy-now hold) and offers. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client';
import type { Offer } from '../rules';
import { offers, storyMarkets, type MarketRow, type OfferRow } from '../tables';

/**
 * Takes the story's market row FOR UPDATE (creating it on first use). Every offer, buy-now, offer
 * decision and relist on one story queues here, so two qualifying offers cannot both open an auction.
 */
export async function lockMarket(tx: Executor, storyId: string): Promise<MarketRow> {
  await tx.insert(storyMarkets).values({ storyId }).onConflictDoNothing();
  const [row] = await tx.select().from(storyMarkets).where(eq(storyMarkets.storyId, storyId)).for('update');
  return row!;
}

export async function readMarket(tx: Executor, storyId: string): Promise<MarketRow | null> {
  const [row] = await tx.select().from(storyMarkets).where(eq(storyMarkets.storyId, storyId));
  return row ?? null;
}

export async function readMarkets(tx: Executor, storyIds: string[]): Promise<MarketRow[]> {
  if (storyIds.length === 0) return [];
  return tx.select().from(storyMarkets).where(inArray(storyMarkets.storyId, storyIds));
}

export async function updateMarket(
  tx: Executor,
  storyId: string,
  values: Partial<Pick<MarketRow, 'currentAuctionId' | 'reservedWindowId' | 'reservedUntil' | 'soldAt'>>,
): Promise<void> {
  await tx
    .update(storyMarkets)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(storyMarkets.storyId, storyId));
}

export function offerOf(row: OfferRow): Offer {
  return {
    id: row.id,
    storyId: row.storyId,
    userId: row.userId,
    amountMinor: row.amountMinor,
    currency: row.currency,
    status: row.status,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    auctionId: row.auctionId,
  };
}

export async function pendingOffers(tx: Executor, storyId: string): Promise<Offer[]> {
  const rows = await tx
    .select()
    .from(offers)
    .where(and(eq(offers.storyId, storyId), eq(offers.status, 'pending')))
    .orderBy(offers.createdAt);
  return rows.map(offerOf);
}

export async function findOffer(tx: Executor, offerId: string): Promise<Offer | null> {
  const [row] = await tx.select().from(offers).where(eq(offers.id, offerId));
  return row ? offerOf(row) : null;
}

export async function listOffers(
  tx: Executor,
  filter: { storyId: string; userId?: string; status?: Offer['status'] },
): Promise<Offer[]> {
  const rows = await tx
    .select()
    .from(offers)
    .where(
      and(
        eq(offers.storyId, filter.storyId),
        filter.userId === undefined ? undefined : eq(offers.userId, filter.userId),
        filter.status === undefined ? undefined : eq(offers.status, filter.status),
      ),
    )
    .orderBy(desc(offers.createdAt))
    .limit(200);
  return rows.map(offerOf);
}

export async function userOffers(tx: Executor, userId: string): Promise<Offer[]> {
  const rows = await tx.select().from(offers).where(eq(offers.userId, userId)).orderBy(desc(offers.createdAt));
  return rows.map(offerOf);
}

export async function insertOffer(tx: Executor, offer: Offer): Promise<void> {
  await tx.insert(offers).values(offer);
}

/** Writes an offer's new status (and the auction it opened). */
export async function saveOffer(tx: Executor, offer: Offer): Promise<void> {
  await tx
    .update(offers)
    .set({ status: offer.status, decidedAt: offer.decidedAt, auctionId: offer.auctionId })
    .where(eq(offers.id, offer.id));
}

/** Closes every pending offer of a user (their account is being deleted). */
export async function withdrawPendingOffersOf(tx: Executor, userId: string, now: Date): Promise<void> {
  await tx
    .update(offers)
    .set({ status: 'withdrawn', decidedAt: now })
    .where(and(eq(offers.userId, userId), eq(offers.status, 'pending')));
}

/** Closes every pending offer on a story (it was sold or deleted). */
export async function supersedePendingOffers(tx: Executor, storyId: string, now: Date): Promise<Offer[]> {
  const rows = await tx
    .update(offers)
    .set({ status: 'superseded', decidedAt: now })
    .where(and(eq(offers.storyId, storyId), eq(offers.status, 'pending')))
    .returning();
  return rows.map(offerOf);
}
