/** A user's auction records in their data export, and what account deletion changes here. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client';
import type { AuctionsDeps } from '../deps';
import { presentOffer, presentWindow } from '../present';
import { userOffers, withdrawPendingOffersOf } from '../repo/market-repo';
import { windowsOfUser } from '../repo/payment-repo';
import { bids, strikes } from '../tables';

export async function exportUserData(deps: AuctionsDeps, userId: string): Promise<Record<string, unknown>> {
  const [offers, bidRows, strikeRows, windows] = await Promise.all([
    userOffers(deps.db, userId),
    deps.db.select().from(bids).where(eq(bids.bidderId, userId)).orderBy(bids.createdAt),
    deps.db.select().from(strikes).where(eq(strikes.userId, userId)),
    windowsOfUser(deps.db, userId),
  ]);
  return {
    offers: offers.map(presentOffer),
    bids: bidRows.map((b) => ({
      id: b.id,
      auctionId: b.auctionId,
      kind: b.kind,
      amountMinor: b.amountMinor,
      maxAmountMinor: b.maxAmountMinor,
      createdAt: b.createdAt.toISOString(),
      voided: b.voided,
    })),
    nonPaymentStrikes: strikeRows.map((s) => ({ windowId: s.windowId, createdAt: s.createdAt.toISOString() })),
    paymentWindows: windows.map((w) => presentWindow(w, null)),
  };
}

/**
 * Deleting an account closes their waiting offers. Bids stay: they are the auction's record and
 * carry only the opaque user id, which no longer leads to any personal data.
 */
export async function eraseUserData(deps: AuctionsDeps, tx: Executor, userId: string): Promise<void> {
  await withdrawPendingOffersOf(tx, userId, deps.clock.now());
}
