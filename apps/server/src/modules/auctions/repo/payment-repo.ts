/** Payment windows and non-payment strikes. */
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client';
import type { PaymentWindowStatus, PaymentWindowView } from '../deps';
import { paymentWindows, strikes, type PaymentWindowRow } from '../tables';
import { hasPaidWindow } from './auction-repo';

export function windowOf(row: PaymentWindowRow): PaymentWindowView {
  return {
    id: row.id,
    auctionId: row.auctionId,
    storyId: row.storyId,
    makerId: row.makerId,
    winnerId: row.winnerId,
    amountMinor: row.amountMinor,
    currency: row.currency,
    shippingCountry: row.shippingCountry,
    shippingMinor: row.shippingMinor,
    reason: row.reason,
    status: row.status,
    opensAt: row.opensAt,
    expiresAt: row.expiresAt,
  };
}

export async function insertWindow(tx: Executor, window: PaymentWindowView): Promise<void> {
  await tx.insert(paymentWindows).values(window);
}

export async function findWindow(
  tx: Executor,
  windowId: string,
  options: { lock?: boolean } = {},
): Promise<PaymentWindowView | null> {
  const query = tx.select().from(paymentWindows).where(eq(paymentWindows.id, windowId));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ? windowOf(row) : null;
}

/** The auction's most recent window (the open one if any). */
export async function latestWindowOf(tx: Executor, auctionId: string): Promise<PaymentWindowView | null> {
  const [row] = await tx
    .select()
    .from(paymentWindows)
    .where(eq(paymentWindows.auctionId, auctionId))
    .orderBy(desc(paymentWindows.opensAt))
    .limit(1);
  return row ? windowOf(row) : null;
}

export async function openWindowOfAuction(tx: Executor, auctionId: string): Promise<PaymentWindowView | null> {
  const [row] = await tx
    .select()
    .from(paymentWindows)
    .where(and(eq(paymentWindows.auctionId, auctionId), eq(paymentWindows.status, 'open')));
  return row ? windowOf(row) : null;
}

/** Closes an open window; false when it was no longer open. */
export async function closeWindow(
  tx: Executor,
  windowId: string,
  status: Exclude<PaymentWindowStatus, 'open'>,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(paymentWindows)
    .set({ status, closedAt: now })
    .where(and(eq(paymentWindows.id, windowId), eq(paymentWindows.status, 'open')))
    .returning({ id: paymentWindows.id });
  return rows.length > 0;
}

export async function windowsOfUser(tx: Executor, userId: string): Promise<PaymentWindowView[]> {
  const rows = await tx.select().from(paymentWindows).where(eq(paymentWindows.winnerId, userId));
  return rows.map(windowOf);
}

/** Records a strike for an expired window (once per window). */
export async function addStrike(tx: Executor, userId: string, windowId: string, now: Date): Promise<void> {
  await tx.insert(strikes).values({ userId, windowId, createdAt: now }).onConflictDoNothing();
}

/** What decides whether a user may offer or buy: strikes, a paid purchase, windows open now. */
export interface BuyerStanding {
  strikes: number;
  purchased: boolean;
  openWindows: number;
}

/** The user's standing as a buyer, in one statement. */
export async function buyerStanding(tx: Executor, userId: string): Promise<BuyerStanding> {
  const result = await tx.execute<{ strikes: number; purchased: boolean; open_windows: number }>(sql`select
    (select count(*)::int from auctions.strikes s where s.user_id = ${userId}) as strikes,
    ${hasPaidWindow(userId)} as purchased,
    (select count(*)::int from auctions.payment_windows w where w.winner_id = ${userId} and w.status = 'open') as open_windows`);
  const row = result.rows[0]!;
  return { strikes: row.strikes, purchased: row.purchased, openWindows: row.open_windows };
}

/**
 * Serialises a buyer's buy-nows until the transaction ends, so two at once cannot both count the
 * same open windows and pass the limit. Taken before the story's locks (buyer → story → market).
 */
export async function lockBuyer(tx: Executor, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`auctions.buyer:${userId}`}, 0))`);
}

export async function strikeCount(tx: Executor, userId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(strikes).where(eq(strikes.userId, userId));
  return row?.n ?? 0;
}

export async function strikeCounts(tx: Executor, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx
    .select({ userId: strikes.userId, n: count() })
    .from(strikes)
    .where(inArray(strikes.userId, userIds))
    .groupBy(strikes.userId);
  return new Map(rows.map((r) => [r.userId, r.n]));
}

/** Stories of the maker whose payment window was paid: the pieces sold, by auction or buy-now. */
export async function paidStoryIdsOfMaker(db: Executor, makerId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ storyId: paymentWindows.storyId })
    .from(paymentWindows)
    .where(and(eq(paymentWindows.makerId, makerId), eq(paymentWindows.status, 'paid')));
  return rows.map((r) => r.storyId);
}
