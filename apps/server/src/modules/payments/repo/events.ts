/** Stored provider events and the locks that serialise applying them. */
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client';
import { webhookEvents, type ProviderName, type WebhookEventRow, type WebhookEventStatus } from '../tables';

/** Stores an event by its id, to be applied; false when it is already stored. */
export async function storeEvent(
  db: Executor,
  event: {
    id: string;
    provider: ProviderName;
    type: string;
    payload: Record<string, unknown>;
    sealedBody: string;
    createdAt: Date;
    receivedAt: Date;
  },
): Promise<boolean> {
  const inserted = await db
    .insert(webhookEvents)
    .values({ ...event, status: 'received' })
    .onConflictDoNothing()
    .returning({ id: webhookEvents.id });
  return inserted.length > 0;
}

/**
 * Takes a received event for applying, in the caller's transaction; null when it was applied
 * already or another process is applying it right now (it will finish the job).
 */
export async function claimReceivedEvent(db: Executor, eventId: string): Promise<WebhookEventRow | null> {
  const [row] = await db
    .select()
    .from(webhookEvents)
    .where(and(eq(webhookEvents.id, eventId), eq(webhookEvents.status, 'received')))
    .for('update', { skipLocked: true });
  return row ?? null;
}

/** Records how applying went; the sealed copy is dropped once the event needs nothing more. */
export async function recordEventOutcome(
  db: Executor,
  eventId: string,
  outcome: { status: WebhookEventStatus; waitingFor: string | null; note: string | null; appliedAt: Date | null },
): Promise<void> {
  await db
    .update(webhookEvents)
    .set({ ...outcome, ...(outcome.status === 'deferred' ? {} : { sealedBody: null }) })
    .where(eq(webhookEvents.id, eventId));
}

/** Deferred events waiting for `subject`, oldest first, locked for re-application. */
export async function eventsWaitingFor(db: Executor, subject: string): Promise<WebhookEventRow[]> {
  return db
    .select()
    .from(webhookEvents)
    .where(and(eq(webhookEvents.status, 'deferred'), eq(webhookEvents.waitingFor, subject)))
    .orderBy(asc(webhookEvents.createdAt))
    .for('update');
}

export async function statusOfEvent(db: Executor, eventId: string): Promise<WebhookEventStatus | null> {
  const [row] = await db
    .select({ status: webhookEvents.status })
    .from(webhookEvents)
    .where(eq(webhookEvents.id, eventId));
  return row?.status ?? null;
}

/** Events stored but not applied (their first attempt failed or its process died). */
export async function receivedBefore(db: Executor, before: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.status, 'received'), lt(webhookEvents.receivedAt, before)))
    .orderBy(asc(webhookEvents.receivedAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Serialises everything that touches one subject (a payment window or payment intent) across
 * transactions and processes; released at commit.
 */
export async function lockSubject(db: Executor, subject: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`payments:${subject}`}, 0))`);
}
