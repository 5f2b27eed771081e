import { callerOf } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import type { AdminDeps } from './deps';
import { presentReports } from './present-report';
import { readAuditLog } from './read-audit-log';
import * as s from './schemas';
import { archiveStory } from './take-down-story';

const secured = [{ bearer: [] }];
const tags = ['admin'];

/**
 * The moderation queue, report decisions, archiving a story and the audit log. Other admin actions
 * live with the module that owns their data: story unpublish (stories), suspend/reinstate
 * (identity), void a bid (auctions), refunds (payments/orders), the analytics export (analytics).
 */
export function adminRoutes(app: HttpApp, deps: AdminDeps): void {
  const admin = deps.guard.requireRole('admin');

  app.get(
    '/v1/admin/reports',
    {
      preHandler: admin,
      schema: {
        tags,
        security: secured,
        description:
          'The reports of stories and users, newest first, optionally only those with a given status, in keyset pages.',
        summary: 'Admin: the moderation queue (reports), newest first',
        querystring: s.reportsQuery,
        response: { 200: s.reportQueue, ...errorResponses },
      },
    },
    async (req) => {
      const page = await deps.stories.listReports(req.query);
      return { items: await presentReports(deps, page.items), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/v1/admin/reports/:id/resolve',
    {
      preHandler: admin,
      schema: {
        tags,
        security: secured,
        description:
          'Closes an open report as dismissed (nothing wrong) or actioned (something was done about it), with an optional note; recorded in the audit log.',
        examples: { request: { outcome: 'actioned', note: 'Story archived: photos taken from another shop.' } },
        summary: 'Admin: close a report as dismissed or actioned (audited; the reporter and the maker are told)',
        params: s.idParam,
        body: s.resolveBody,
        response: { 200: s.moderationReport, ...errorResponses },
      },
    },
    async (req) => {
      const report = await deps.stories.resolveReport({
        adminId: callerOf(req).userId,
        reportId: req.params.id,
        outcome: req.body.outcome,
        note: req.body.note ?? null,
      });
      const [view] = await presentReports(deps, [report]);
      return view!;
    },
  );

  app.post(
    '/v1/admin/stories/:id/archive',
    {
      preHandler: admin,
      schema: {
        tags,
        security: secured,
        description:
          'Takes a story out of the feed and search and marks it moderated. Recorded in the audit log, and the maker is notified.',
        examples: {
          request: { reason: 'Mass-produced piece presented as handmade' },
          response: {
            storyId: '6f1d3c2a-9b8e-4f7a-8c1d-2e3f4a5b6c7d',
            status: 'archived',
            moderated: true,
            changed: true,
          },
        },
        summary: 'Admin: archive a story (taken down and marked moderated, as unpublish; audited; the maker is told)',
        params: s.idParam,
        body: s.takeDownBody,
        response: { 200: s.takenDownStory, ...errorResponses },
      },
    },
    async (req) =>
      archiveStory(deps, { adminId: callerOf(req).userId, storyId: req.params.id, reason: req.body?.reason ?? null }),
  );

  app.get(
    '/v1/admin/audit-log',
    {
      preHandler: admin,
      schema: {
        tags,
        security: secured,
        description:
          'Every admin action (suspensions, take-downs, voided bids, refunds, removed reviews) with who did it, when and why, newest first.',
        summary: 'Admin: the audit log of admin actions, newest first',
        querystring: s.auditQuery,
        response: { 200: s.auditPage, ...errorResponses },
      },
    },
    async (req) =>
      readAuditLog(deps, {
        ...req.query,
        from: req.query.from ? new Date(req.query.from) : undefined,
        to: req.query.to ? new Date(req.query.to) : undefined,
      }),
  );
}
