import type { ModerationReport } from '../stories';
import type { AdminDeps } from './deps';
import type { ModerationReportView } from './schemas';

/** Adds what the moderator needs to recognise each target: the story's title or the user's name. */
export async function presentReports(deps: AdminDeps, reports: ModerationReport[]): Promise<ModerationReportView[]> {
  const storyIds = reports.filter((r) => r.targetType === 'story').map((r) => r.targetId);
  const stories =
    storyIds.length > 0 ? await deps.stories.storiesByIds(storyIds) : new Map<string, { title: string }>();
  const userIds = [...new Set(reports.filter((r) => r.targetType === 'user').map((r) => r.targetId))];
  const names = new Map(
    await Promise.all(userIds.map(async (id) => [id, await deps.identity.displayName(id)] as const)),
  );
  return reports.map((r) => ({
    id: r.id,
    targetType: r.targetType,
    targetId: r.targetId,
    targetLabel: (r.targetType === 'story' ? stories.get(r.targetId)?.title : names.get(r.targetId)) ?? null,
    reason: r.reason,
    status: r.status,
    reporterId: r.reporterId,
    createdAt: r.createdAt,
    resolvedAt: r.resolvedAt,
    resolvedBy: r.resolvedBy,
    resolutionNote: r.resolutionNote,
  }));
}
