/** Payments, refunds and payouts. */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client';
import { payments, payouts, refunds, type PaymentRow, type PayoutRow, type RefundRow } from '../tables';

export async function insertPayment(db: Executor, row: typeof payments.$inferInsert): Promise<PaymentRow | null> {
  const [inserted] = await db.insert(payments).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

export async function findPayment(
  db: Executor,
  paymentId: string,
  options: { lock?: boolean } = {},
): Promise<PaymentRow | null> {
  const query = db.select().from(payments).where(eq(payments.id, paymentId));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findPaymentByWindow(db: Executor, windowId: string): Promise<PaymentRow | null> {
  const [row] = await db.select().from(payments).where(eq(payments.windowId, windowId));
  return row ?? null;
}

/** Callers hold the payment intent's advisory lock, which serialises its events. */
export async function findPaymentByIntent(db: Executor, paymentIntentId: string): Promise<PaymentRow | null> {
  const [row] = await db.select().from(payments).where(eq(payments.paymentIntentId, paymentIntentId));
  return row ?? null;
}

/** What the provider reports about a charge: its id, and a refunded total that counts against what is left. */
export async function noteProviderRefund(
  db: Executor,
  paymentId: string,
  chargeId: string,
  refundedMinor: number,
): Promise<void> {
  await db
    .update(payments)
    .set({
      chargeId: sql`coalesce(${payments.chargeId}, ${chargeId})`,
      refundReservedMinor: sql`greatest(${payments.refundReservedMinor}, ${refundedMinor})`,
    })
    .where(eq(payments.id, paymentId));
}

/** Money back with the buyer only ever grows: concurrent reports settle on the largest. */
export async function raiseRefunded(db: Executor, paymentId: string, refundedMinor: number): Promise<void> {
  await db
    .update(payments)
    .set({ refundedMinor: sql`greatest(${payments.refundedMinor}, ${refundedMinor})` })
    .where(eq(payments.id, paymentId));
}

export async function updatePayment(
  db: Executor,
  paymentId: string,
  patch: Partial<Pick<PaymentRow, 'orderId' | 'chargeId' | 'refundReservedMinor' | 'refundedMinor' | 'disputedAt'>>,
): Promise<void> {
  await db.update(payments).set(patch).where(eq(payments.id, paymentId));
}

export async function paymentsOfUser(db: Executor, userId: string): Promise<PaymentRow[]> {
  return db
    .select()
    .from(payments)
    .where(sql`${payments.buyerId} = ${userId} or ${payments.makerId} = ${userId}`);
}

export async function insertRefund(db: Executor, row: typeof refunds.$inferInsert): Promise<RefundRow> {
  const [inserted] = await db.insert(refunds).values(row).returning();
  return inserted!;
}

export async function findRefund(db: Executor, refundId: string): Promise<RefundRow | null> {
  const [row] = await db.select().from(refunds).where(eq(refunds.id, refundId));
  return row ?? null;
}

/** Moves a pending refund to its outcome; null when another caller settled it first. */
export async function settleRefund(
  db: Executor,
  refundId: string,
  outcome: { status: 'succeeded'; providerRefundId: string } | { status: 'failed'; failureMessage: string },
  now: Date,
): Promise<RefundRow | null> {
  const [row] = await db
    .update(refunds)
    .set({ ...outcome, settledAt: now })
    .where(and(eq(refunds.id, refundId), eq(refunds.status, 'pending')))
    .returning();
  return row ?? null;
}

export async function succeededRefundTotal(db: Executor, paymentId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`coalesce(sum(${refunds.amountMinor}), 0)::bigint` })
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), eq(refunds.status, 'succeeded')));
  return Number(row?.total ?? 0);
}

export async function refundsOfPayment(db: Executor, paymentId: string): Promise<RefundRow[]> {
  return db.select().from(refunds).where(eq(refunds.paymentId, paymentId)).orderBy(refunds.createdAt);
}

export async function claimPayout(db: Executor, row: typeof payouts.$inferInsert): Promise<PayoutRow> {
  await db.insert(payouts).values(row).onConflictDoNothing();
  const [existing] = await db.select().from(payouts).where(eq(payouts.orderId, row.orderId)).for('update');
  return existing!;
}

export async function findPayout(db: Executor, orderId: string): Promise<PayoutRow | null> {
  const [row] = await db.select().from(payouts).where(eq(payouts.orderId, orderId));
  return row ?? null;
}

export async function updatePayout(
  db: Executor,
  orderId: string,
  patch: Partial<Pick<PayoutRow, 'status' | 'heldReason' | 'transferId' | 'releasedAt' | 'amountMinor' | 'updatedAt'>>,
): Promise<PayoutRow | null> {
  const [row] = await db.update(payouts).set(patch).where(eq(payouts.orderId, orderId)).returning();
  return row ?? null;
}

export async function payoutsOfMaker(db: Executor, makerId: string): Promise<PayoutRow[]> {
  return db.select().from(payouts).where(eq(payouts.makerId, makerId));
}
