import { and, asc, gte, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { events, type EventRow, type NewEventRow } from './tables';

export async function insertEvents(db: Executor, rows: NewEventRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(events).values(rows);
}

/** A position in the export order (occurred_at, id). */
export interface EventPosition {
  occurredAt: Date;
  id: number;
}

/** The next page of events in [start, end), in (occurred_at, id) order, after `after`. */
export async function eventsPage(
  db: Executor,
  range: { start: Date; end: Date },
  after: EventPosition | null,
  limit: number,
): Promise<EventRow[]> {
  return db
    .select()
    .from(events)
    .where(
      and(
        gte(events.occurredAt, range.start),
        lt(events.occurredAt, range.end),
        after
          ? sql`(${events.occurredAt}, ${events.id}) > (${after.occurredAt.toISOString()}::timestamptz, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(asc(events.occurredAt), asc(events.id))
    .limit(limit);
}

/** How many events of each type carry this user's id (their data export). */
export async function eventCountsOfUser(db: Executor, userId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ type: events.type, n: sql<number>`count(*)::int` })
    .from(events)
    .where(sql`${events.userId} = ${userId}::uuid`)
    .groupBy(events.type);
  return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}
