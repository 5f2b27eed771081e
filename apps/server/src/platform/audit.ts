import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Executor } from './db/client';
import { decodeCursorText, encodeCursor } from './keyset-cursor';
import { auditLog } from './tables';

export interface AuditEntry {
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Records an admin action in the caller's transaction, so the entry exists iff the action does. */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({ ...entry, reason: entry.reason ?? null, details: entry.details ?? null });
}

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  actorId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** Inclusive. */
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The audit log, newest first, filtered, keyset-paginated on (created_at, id). */
export async function listAuditEntries(
  db: Executor,
  filter: AuditFilter,
): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
  // The cursor carries the database's own text of the time: microseconds would be lost in a JS date.
  const after = filter.cursor ? decodeCursorText(filter.cursor) : null;
  const rows = await db
    .select({ row: auditLog, at: sql<string>`${auditLog.createdAt}::text` })
    .from(auditLog)
    .where(
      and(
        filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
        filter.targetType ? eq(auditLog.targetType, filter.targetType) : undefined,
        filter.targetId ? eq(auditLog.targetId, filter.targetId) : undefined,
        filter.from ? gte(auditLog.createdAt, filter.from) : undefined,
        filter.to ? lt(auditLog.createdAt, filter.to) : undefined,
        after
          ? sql`(${auditLog.createdAt}, ${auditLog.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(filter.limit + 1);
  const items = rows.slice(0, filter.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => r.row),
    nextCursor: rows.length > filter.limit && last ? encodeCursor({ at: last.at, id: last.row.id }) : null,
  };
}
