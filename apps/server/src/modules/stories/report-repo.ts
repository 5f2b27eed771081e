import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { KeysetPosition } from '../../platform/keyset-cursor';
import { reports, type ReportStatus, type ReportTarget } from './tables';

export type ReportRow = typeof reports.$inferSelect;

/** Inserts the report unless the reporter already has an open one on the target (then returns null). */
export async function insertReport(
  tx: Executor,
  values: { reporterId: string; targetType: ReportTarget; targetId: string; reason: string; createdAt: Date },
): Promise<ReportRow | null> {
  const [row] = await tx
    .insert(reports)
    .values(values)
    .onConflictDoNothing({
      target: [reports.reporterId, reports.targetType, reports.targetId],
      where: sql`${reports.status} = 'open'`,
    })
    .returning();
  return row ?? null;
}

export async function findOpenReport(
  db: Executor,
  reporterId: string,
  targetType: ReportTarget,
  targetId: string,
): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(reports)
    .where(
      and(
        eq(reports.reporterId, reporterId),
        eq(reports.targetType, targetType),
        eq(reports.targetId, targetId),
        eq(reports.status, 'open'),
      ),
    );
  return row;
}

/** The moderation queue, newest first, keyset on (createdAt, id). */
export async function listReportRows(
  db: Executor,
  filter: { status: ReportStatus | null; targetType: ReportTarget | null; limit: number; after: KeysetPosition | null },
): Promise<ReportRow[]> {
  return db
    .select()
    .from(reports)
    .where(
      and(
        filter.status ? eq(reports.status, filter.status) : undefined,
        filter.targetType ? eq(reports.targetType, filter.targetType) : undefined,
        filter.after
          ? sql`(${reports.createdAt}, ${reports.id}) < (${filter.after.at.toISOString()}::timestamptz, ${filter.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(sql`${reports.createdAt} desc nulls last`, sql`${reports.id} desc nulls last`)
    .limit(filter.limit);
}

/** Closes an open report; null when it is not open (already resolved) or does not exist. */
export async function closeReport(
  tx: Executor,
  id: string,
  set: { status: 'actioned' | 'dismissed'; resolvedAt: Date; resolvedBy: string; resolutionNote: string | null },
): Promise<ReportRow | null> {
  const [row] = await tx
    .update(reports)
    .set(set)
    .where(and(eq(reports.id, id), eq(reports.status, 'open')))
    .returning();
  return row ?? null;
}

export async function findReport(db: Executor, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  return row;
}

export async function reportsByReporter(db: Executor, reporterId: string): Promise<ReportRow[]> {
  return db.select().from(reports).where(eq(reports.reporterId, reporterId));
}

/** Reports stay for moderation, but no longer say who filed them. */
export async function anonymiseReporter(tx: Executor, reporterId: string): Promise<void> {
  await tx.update(reports).set({ reporterId: null }).where(eq(reports.reporterId, reporterId));
}
