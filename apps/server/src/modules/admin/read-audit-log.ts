import { listAuditEntries, type AuditFilter } from '../../platform/audit';
import type { AdminDeps } from './deps';
import type { auditPage } from './schemas';
import type { z } from 'zod';

/** The audit log, newest first, with each actor's public name. */
export async function readAuditLog(deps: AdminDeps, filter: AuditFilter): Promise<z.infer<typeof auditPage>> {
  const page = await listAuditEntries(deps.db, filter);
  const actorIds = [...new Set(page.items.map((r) => r.actorId))];
  const names = new Map(
    await Promise.all(actorIds.map(async (id) => [id, await deps.identity.displayName(id)] as const)),
  );
  return {
    items: page.items.map((r) => ({
      id: r.id,
      actorId: r.actorId,
      actorName: names.get(r.actorId) ?? null,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      reason: r.reason,
      details: (r.details as Record<string, unknown> | null) ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
