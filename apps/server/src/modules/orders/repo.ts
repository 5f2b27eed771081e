/** All SQL of the orders module. */
import { and, desc, eq, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { orderEvents, orders, type OrderRow, type OrderStatus } from './tables';

export async function insertOrder(db: Executor, row: typeof orders.$inferInsert): Promise<OrderRow | null> {
  const [inserted] = await db.insert(orders).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

export async function findOrder(
  db: Executor,
  orderId: string,
  options: { lock?: boolean } = {},
): Promise<OrderRow | null> {
  const query = db.select().from(orders).where(eq(orders.id, orderId));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findOrderByWindow(db: Executor, windowId: string): Promise<OrderRow | null> {
  const [row] = await db.select().from(orders).where(eq(orders.windowId, windowId));
  return row ?? null;
}

export async function findOrderByPayment(db: Executor, paymentId: string): Promise<OrderRow | null> {
  const [row] = await db.select().from(orders).where(eq(orders.paymentId, paymentId)).for('update');
  return row ?? null;
}

export async function updateOrder(db: Executor, orderId: string, patch: Partial<OrderRow>): Promise<OrderRow> {
  const [row] = await db.update(orders).set(patch).where(eq(orders.id, orderId)).returning();
  return row!;
}

export async function recordOrderEvent(
  db: Executor,
  event: { orderId: string; type: string; actorId: string | null; data?: Record<string, unknown>; at: Date },
): Promise<void> {
  await db.insert(orderEvents).values({ ...event, data: event.data ?? {} });
}

export async function eventsOfOrder(db: Executor, orderId: string) {
  return db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(orderEvents.id);
}

export interface OrderListQuery {
  as: 'buyer' | 'maker' | 'admin';
  userId: string;
  status?: OrderStatus;
  after?: { at: Date; id: string };
  limit: number;
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listOrders(db: Executor, q: OrderListQuery): Promise<OrderRow[]> {
  const conditions: SQL[] = [];
  if (q.as === 'buyer') conditions.push(eq(orders.buyerId, q.userId));
  if (q.as === 'maker') conditions.push(eq(orders.makerId, q.userId));
  if (q.status) conditions.push(eq(orders.status, q.status));
  if (q.after) {
    conditions.push(
      or(lt(orders.createdAt, q.after.at), and(eq(orders.createdAt, q.after.at), lt(orders.id, q.after.id)))!,
    );
  }
  return db
    .select()
    .from(orders)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(q.limit + 1);
}

/** Orders whose SLA or timer work is due, for the safety-net sweep. */
export async function dueOrders(db: Executor, now: Date, limit = 500) {
  const reminders = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, 'paid'), isNull(orders.shippingReminderSentAt), lte(orders.shippingReminderAt, now)))
    .limit(limit);
  const overdue = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, 'paid'), isNull(orders.overdueFlaggedAt), lte(orders.shippingDueAt, now)))
    .limit(limit);
  const deliveries = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, 'shipped'), lte(orders.autoDeliverAt, now)))
    .limit(limit);
  const completions = await db
    .select({ id: orders.id })
    .from(orders)
    .where(eq(orders.status, 'delivered'))
    .limit(limit);
  return {
    reminders: reminders.map((r) => r.id),
    overdue: overdue.map((r) => r.id),
    deliveries: deliveries.map((r) => r.id),
    completions: completions.map((r) => r.id),
  };
}

export async function deliveredOrdersOfMaker(db: Executor, makerId: string): Promise<string[]> {
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.makerId, makerId), eq(orders.status, 'delivered')));
  return rows.map((r) => r.id);
}

export async function ordersOfUser(db: Executor, userId: string): Promise<OrderRow[]> {
  return db
    .select()
    .from(orders)
    .where(or(eq(orders.buyerId, userId), eq(orders.makerId, userId)))
    .orderBy(orders.createdAt);
}

/** Drops the buyer's address where the order is over, and marks open ones to drop it when they close. */
export async function eraseBuyerAddresses(db: Executor, buyerId: string, now: Date): Promise<void> {
  await db
    .update(orders)
    .set({ shippingAddressEncrypted: null, updatedAt: now })
    .where(and(eq(orders.buyerId, buyerId), inArray(orders.status, ['completed', 'cancelled', 'refunded'])));
  await db
    .update(orders)
    .set({ eraseAddressOnClose: true, updatedAt: now })
    .where(and(eq(orders.buyerId, buyerId), inArray(orders.status, ['paid', 'shipped', 'delivered', 'disputed'])));
}

export async function fulfilmentCounts(
  db: Executor,
  makerId: string,
  now: Date,
): Promise<{ toShip: number; overdue: number }> {
  const [row] = await db
    .select({
      toShip: sql<number>`count(*) filter (where ${orders.status} = 'paid')::int`,
      overdue: sql<number>`count(*) filter (where ${orders.status} = 'paid' and ${orders.shippingDueAt} <= ${now})::int`,
    })
    .from(orders)
    .where(eq(orders.makerId, makerId));
  return { toShip: row?.toShip ?? 0, overdue: row?.overdue ?? 0 };
}

/** The maker's sales per UTC day (net of refunds), for the dashboard chart. */
export async function revenueByDay(db: Executor, makerId: string, since: Date) {
  const day = sql<string>`to_char(${orders.paidAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  return db
    .select({
      day,
      currency: orders.currency,
      amountMinor: sql<number>`sum(${orders.amountMinor} - ${orders.refundedMinor})::bigint`,
      orders: sql<number>`count(*)::int`,
    })
    .from(orders)
    .where(and(eq(orders.makerId, makerId), sql`${orders.paidAt} >= ${since}`))
    .groupBy(day, orders.currency)
    .orderBy(day);
}
