import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { decodeCursor, pageOf } from '../../platform/keyset-cursor';
import type { StoriesDeps } from './deps';
import { presentReport, type ReportView } from './file-report';
import { closeReport, findReport, listReportRows } from './report-repo';
import type { ReportStatus, ReportTarget } from './tables';

export interface ReportFilter {
  status?: ReportStatus | undefined;
  targetType?: ReportTarget | undefined;
  cursor?: string | undefined;
  /** 1–100, default 50. */
  limit?: number | undefined;
}

/** An entry of the moderation queue: the report plus who filed it (admins only). */
export interface ModerationReport extends ReportView {
  reporterId: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
}

/** The moderation queue, newest first, keyset-paginated. */
export async function listReports(
  deps: StoriesDeps,
  filter: ReportFilter,
): Promise<{ items: ModerationReport[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 100);
  const rows = await listReportRows(deps.db, {
    status: filter.status ?? null,
    targetType: filter.targetType ?? null,
    limit: limit + 1,
    after: filter.cursor ? decodeCursor(filter.cursor) : null,
  });
  const page = pageOf(rows, limit, (r) => ({ at: r.createdAt, id: r.id }));
  return {
    items: page.items.map((r) => ({
      ...presentReport(r),
      reporterId: r.reporterId,
      resolvedBy: r.resolvedBy,
      resolutionNote: r.resolutionNote,
    })),
    nextCursor: page.nextCursor,
  };
}

/** An admin closes an open report; audited, and a `report.resolved` event goes to listeners. */
export async function resolveReport(
  deps: StoriesDeps,
  input: { adminId: string; reportId: string; outcome: 'actioned' | 'dismissed'; note?: string | null | undefined },
): Promise<ModerationReport> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const row = await closeReport(tx, input.reportId, {
      status: input.outcome,
      resolvedAt: now,
      resolvedBy: input.adminId,
      resolutionNote: input.note ?? null,
    });
    if (!row) {
      const existing = await findReport(tx, input.reportId);
      if (!existing) throw new DomainError('report_not_found', 'No such report');
      throw new DomainError('report_already_resolved', 'The report was already resolved');
    }
    await recordAudit(tx, {
      actorId: input.adminId,
      action: `report.${input.outcome}`,
      targetType: 'report',
      targetId: row.id,
      reason: input.note ?? null,
      details: { targetType: row.targetType, targetId: row.targetId },
    });
    await deps.events.emit(tx, {
      type: 'report.resolved',
      reportId: row.id,
      reporterId: row.reporterId,
      targetType: row.targetType,
      targetId: row.targetId,
      outcome: input.outcome,
      adminId: input.adminId,
      at: now.toISOString(),
    });
    return {
      ...presentReport(row),
      reporterId: row.reporterId,
      resolvedBy: row.resolvedBy,
      resolutionNote: row.resolutionNote,
    };
  });
}
