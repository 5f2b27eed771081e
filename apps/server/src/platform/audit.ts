import type { Executor } from './db/client';
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
