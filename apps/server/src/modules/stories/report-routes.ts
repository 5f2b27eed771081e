import { callerOf } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import type { StoriesDeps } from './deps';
import { fileReport } from './file-report';
import { presentStory } from './present';
import * as s from './schemas';
import { unpublishByAdmin } from './unpublish-by-admin';

const secured = [{ bearer: [] }];

/** Reports from users and the admin's story take-down. */
export function reportRoutes(app: HttpApp, deps: StoriesDeps): void {
  const { guard } = deps.identity;

  app.post(
    '/v1/reports',
    {
      preHandler: guard.requireUser,
      schema: {
        tags: ['moderation'],
        security: secured,
        examples: {
          request: {
            targetType: 'story',
            targetId: '6f1d3c2a-9b8e-4f7a-8c1d-2e3f4a5b6c7d',
            reason: 'The video shows a different piece from the photos.',
          },
        },
        summary: 'Report a story or a user',
        description:
          '201 with the new report. One open report per reporter per target: reporting the same target again while the report is open answers 200 with that report (nothing new is filed).',
        body: s.reportBody,
        response: { 200: s.report, 201: s.report, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { report, created } = await fileReport(deps, callerOf(req), req.body);
      return reply.status(created ? 201 : 200).send(report);
    },
  );

  app.post(
    '/v1/admin/stories/:id/unpublish',
    {
      preHandler: guard.requireRole('admin'),
      schema: {
        tags: ['admin'],
        security: secured,
        description:
          'Unpublishes a story for a rule it broke: it is archived and marked moderated, and the action is recorded in the audit log.',
        examples: { request: { reason: 'Counterfeit of a known designer piece' } },
        summary: 'Admin: take a story down (archived and marked moderated; audited)',
        params: s.storyIdParam,
        body: s.adminUnpublishBody,
        response: { 200: s.story, ...errorResponses },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const { story } = await unpublishByAdmin(deps, {
        adminId: caller.userId,
        storyId: req.params.id,
        reason: req.body?.reason ?? null,
      });
      return presentStory(deps, story, caller);
    },
  );
}
