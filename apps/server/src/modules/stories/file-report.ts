import { DomainError } from '../../platform/errors';
import type { Caller } from '../../platform/http/types';
import type { StoriesDeps } from './deps';
import { findOpenReport, insertReport, type ReportRow } from './report-repo';
import { canSee } from './rules';
import { findStory } from './story-repo';
import type { ReportTarget } from './tables';

export interface ReportView {
  id: string;
  targetType: ReportTarget;
  targetId: string;
  reason: string;
  status: ReportRow['status'];
  createdAt: string;
  resolvedAt: string | null;
}

export function presentReport(row: ReportRow): ReportView {
  return {
    id: row.id,
    targetType: row.targetType,
    targetId: row.targetId,
    reason: row.reason,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}

/**
 * A signed-in user reports a story or a user for moderation. One open report per reporter per
 * target: repeating it answers with the open report (`created: false`) instead of filing another.
 */
export async function fileReport(
  deps: StoriesDeps,
  caller: Caller,
  input: { targetType: ReportTarget; targetId: string; reason: string },
): Promise<{ report: ReportView; created: boolean }> {
  await assertReportable(deps, caller, input.targetType, input.targetId);
  // Two rounds: a concurrent resolve can close the open report between the insert and the read.
  for (let round = 0; round < 2; round++) {
    const row = await insertReport(deps.db, { ...input, reporterId: caller.userId, createdAt: deps.clock.now() });
    if (row) return { report: presentReport(row), created: true };
    const open = await findOpenReport(deps.db, caller.userId, input.targetType, input.targetId);
    if (open) return { report: presentReport(open), created: false };
  }
  throw new Error('report neither inserted nor found');
}

async function assertReportable(
  deps: StoriesDeps,
  caller: Caller,
  targetType: ReportTarget,
  targetId: string,
): Promise<void> {
  switch (targetType) {
    case 'story': {
      const story = await findStory(deps.db, targetId);
      if (!story || !canSee(story, caller)) throw new DomainError('story_not_found', 'No such story');
      if (story.makerId === caller.userId)
        throw new DomainError('cannot_report_self', 'You cannot report your own story');
      return;
    }
    case 'user': {
      const status = await deps.identity.userStatus(targetId);
      if (status === null || status === 'deleted') throw new DomainError('user_not_found', 'No such user');
      if (targetId === caller.userId) throw new DomainError('cannot_report_self', 'You cannot report yourself');
      return;
    }
    default: {
      const unknown: never = targetType;
      throw new Error(`unknown report target ${String(unknown)}`);
    }
  }
}
