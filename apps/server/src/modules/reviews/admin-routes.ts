import { callerOf } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import type { ReviewsDeps } from './deps';
import { dismissReviewReports, listReviewReports, removeReview } from './moderate-reviews';
import * as s from './schemas';

const secured = [{ bearer: [] }];
const tags = ['admin'];

/** The admin's queue of reported reviews, and its two outcomes (both audited). */
export function adminReviewRoutes(app: HttpApp, deps: ReviewsDeps): void {
  const { guard } = deps.identity;

  app.get(
    '/v1/admin/review-reports',
    {
      preHandler: guard.requireRole('admin'),
      schema: {
        tags,
        security: secured,
        description: 'Reviews reported to the admins, newest report first, with the reasons.',
        summary: 'Admin: open reports of reviews, newest first',
        querystring: s.pageQuery,
        response: { 200: s.adminReviewReportPage, ...errorResponses },
      },
    },
    async (req) => listReviewReports(deps, req.query),
  );

  app.post(
    '/v1/admin/reviews/:id/remove',
    {
      preHandler: guard.requireRole('admin'),
      schema: {
        tags,
        security: secured,
        description:
          'Removes a review from the maker’s page and rating and upholds its reports; recorded in the audit log.',
        examples: { request: { reason: 'The review names the maker’s home address.' } },
        summary: "Admin: remove a review (out of the maker's page and rating; its reports upheld; audited)",
        params: s.idParam,
        body: s.removeBody,
        response: { 200: s.moderationAnswer, ...errorResponses },
      },
    },
    async (req) =>
      removeReview(deps, { adminId: callerOf(req).userId, reviewId: req.params.id, reason: req.body.reason }),
  );

  app.post(
    '/v1/admin/reviews/:id/dismiss-reports',
    {
      preHandler: guard.requireRole('admin'),
      schema: {
        tags,
        security: secured,
        description:
          'Keeps a reported review on the maker’s page and dismisses its open reports; recorded in the audit log.',
        examples: { request: { note: 'Harsh but about the piece.' } },
        summary: 'Admin: keep a reported review (its open reports dismissed; audited)',
        params: s.idParam,
        body: s.dismissBody,
        response: { 200: s.moderationAnswer, ...errorResponses },
      },
    },
    async (req) =>
      dismissReviewReports(deps, { adminId: callerOf(req).userId, reviewId: req.params.id, note: req.body?.note }),
  );
}
