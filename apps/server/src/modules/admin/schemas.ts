import { queryInt } from '../../platform/http/query-int.js';
import { z } from 'zod';
import { idSchema } from '../../platform/ids';

const REPORT_STATUSES = ['open', 'actioned', 'dismissed'] as const;
const REPORT_TARGETS = ['story', 'user'] as const;

export const idParam = z.object({ id: idSchema });

export const reportsQuery = z.object({
  status: z.enum(REPORT_STATUSES).optional(),
  targetType: z.enum(REPORT_TARGETS).optional(),
  cursor: z.string().max(500).optional(),
  limit: queryInt({ min: 1, max: 100 }).default(50),
});

export const resolveBody = z.object({
  outcome: z.enum(['dismissed', 'actioned']),
  note: z.string().trim().max(1000).optional(),
});

export const takeDownBody = z.object({ reason: z.string().trim().max(1000).optional() }).optional();

export const moderationReport = z
  .object({
    id: z.string(),
    targetType: z.enum(REPORT_TARGETS),
    targetId: z.string(),
    /** The story's title or the user's public name, when the target still exists. */
    targetLabel: z.string().nullable(),
    reason: z.string(),
    status: z.enum(REPORT_STATUSES),
    reporterId: z.string().nullable(),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolutionNote: z.string().nullable(),
  })
  .meta({ id: 'ModerationReport' });
export type ModerationReportView = z.infer<typeof moderationReport>;

export const reportQueue = z.object({ items: z.array(moderationReport), nextCursor: z.string().nullable() });

export const takenDownStory = z
  .object({
    storyId: z.string(),
    status: z.string(),
    moderated: z.boolean(),
    /** False when the story had already been taken down (nothing changed, nothing audited). */
    changed: z.boolean(),
  })
  .meta({ id: 'TakenDownStory' });

const instant = z.iso.datetime({ offset: true });

export const auditQuery = z.object({
  actorId: idSchema.optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(200).optional(),
  from: instant.optional().describe('inclusive'),
  to: instant.optional().describe('exclusive'),
  cursor: z.string().max(500).optional(),
  limit: queryInt({ min: 1, max: 200 }).default(50),
});

export const auditEntry = z
  .object({
    id: z.string(),
    actorId: z.string(),
    actorName: z.string().nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    reason: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'AuditEntry' });

export const auditPage = z.object({ items: z.array(auditEntry), nextCursor: z.string().nullable() });
