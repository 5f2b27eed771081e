/** Checkout sessions and makers' payment accounts. */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client';
import { checkoutSessions, paymentAccounts, type CheckoutSessionRow, type PaymentAccountRow } from '../tables';

export async function findSessionByWindow(db: Executor, windowId: string): Promise<CheckoutSessionRow | null> {
  const [row] = await db.select().from(checkoutSessions).where(eq(checkoutSessions.windowId, windowId));
  return row ?? null;
}

export async function findSessionByProviderId(db: Executor, sessionId: string): Promise<CheckoutSessionRow | null> {
  const [row] = await db.select().from(checkoutSessions).where(eq(checkoutSessions.providerSessionId, sessionId));
  return row ?? null;
}

/** Claims the window's session with its parameters fixed; false when another caller claimed it first. */
export async function claimSession(db: Executor, row: typeof checkoutSessions.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(checkoutSessions)
    .values(row)
    .onConflictDoNothing()
    .returning({ windowId: checkoutSessions.windowId });
  return inserted.length > 0;
}

/** Records the provider's session on the claimed row (the first answer wins; they are the same session). */
export async function recordProviderSession(
  db: Executor,
  windowId: string,
  created: { sessionId: string; url: string },
  now: Date,
): Promise<void> {
  await db
    .update(checkoutSessions)
    .set({ providerSessionId: created.sessionId, url: created.url, status: 'open', updatedAt: now })
    .where(and(eq(checkoutSessions.windowId, windowId), isNull(checkoutSessions.providerSessionId)));
}

export async function setSessionStatus(
  db: Executor,
  windowId: string,
  status: 'completed' | 'expired',
  now: Date,
): Promise<void> {
  // A completed session stays completed whatever arrives later.
  const from = status === 'completed' ? ['creating', 'open', 'expired'] : ['creating', 'open'];
  await db
    .update(checkoutSessions)
    .set({ status, updatedAt: now })
    .where(
      and(
        eq(checkoutSessions.windowId, windowId),
        inArray(checkoutSessions.status, from as CheckoutSessionRow['status'][]),
      ),
    );
}

export async function recordFailedAttempt(db: Executor, windowId: string, message: string, now: Date): Promise<void> {
  await db
    .update(checkoutSessions)
    .set({
      failedAttempts: sql`${checkoutSessions.failedAttempts} + 1`,
      lastFailureMessage: message.slice(0, 500),
      updatedAt: now,
    })
    .where(eq(checkoutSessions.windowId, windowId));
}

export async function sessionsOfBuyer(db: Executor, buyerId: string): Promise<CheckoutSessionRow[]> {
  return db.select().from(checkoutSessions).where(eq(checkoutSessions.buyerId, buyerId));
}

export async function findAccount(db: Executor, makerId: string): Promise<PaymentAccountRow | null> {
  const [row] = await db.select().from(paymentAccounts).where(eq(paymentAccounts.makerId, makerId));
  return row ?? null;
}

export async function findAccountByProviderId(db: Executor, accountId: string): Promise<PaymentAccountRow | null> {
  const [row] = await db.select().from(paymentAccounts).where(eq(paymentAccounts.accountId, accountId)).for('update');
  return row ?? null;
}

export async function insertAccount(db: Executor, row: typeof paymentAccounts.$inferInsert): Promise<void> {
  await db.insert(paymentAccounts).values(row).onConflictDoNothing();
}

export async function updateAccountStatus(
  db: Executor,
  makerId: string,
  status: { payoutsEnabled: boolean; chargesEnabled: boolean; detailsSubmitted: boolean; eventAt: Date | null },
  now: Date,
): Promise<void> {
  await db
    .update(paymentAccounts)
    .set({
      payoutsEnabled: status.payoutsEnabled,
      chargesEnabled: status.chargesEnabled,
      detailsSubmitted: status.detailsSubmitted,
      ...(status.eventAt ? { lastEventAt: status.eventAt } : {}),
      updatedAt: now,
    })
    .where(eq(paymentAccounts.makerId, makerId));
}
