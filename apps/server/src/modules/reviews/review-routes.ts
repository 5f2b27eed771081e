import { callerOf } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import type { ReviewsDeps } from './deps';
import { postReview } from './post-review';
import { makerReviews, orderReviewOf } from './read-reviews';
import { replyToReview } from './reply-to-review';
import { reportReview } from './report-review';
import * as s from './schemas';

const secured = [{ bearer: [] }];
const tags = ['reviews'];

/** Buyers' reviews of makers: writing one for a delivered order, reading a maker's, answering, reporting. */
export function reviewRoutes(app: HttpApp, deps: ReviewsDeps): void {
  const { guard } = deps.identity;

  app.post(
    '/v1/orders/:id/review',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        examples: { request: { rating: 5, text: 'Beautifully packed and even better in person.' } },
        summary: 'The buyer reviews the maker of a delivered order (1–5 and optional text), once, within 60 days',
        description:
          '409 `order_not_delivered` before delivery, `already_reviewed` for a second review, `review_window_closed` 60 days after delivery; the maker or an admin 403, anyone else 404.',
        params: s.idParam,
        body: s.reviewBody,
        response: { 201: s.review, ...errorResponses },
      },
    },
    async (req, reply) => {
      const review = await postReview(deps, { caller: callerOf(req), orderId: req.params.id, ...req.body });
      return reply.status(201).send(review);
    },
  );

  app.get(
    '/v1/orders/:id/review',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description:
          'The review of an order when there is one, and whether its buyer may still write it (delivered, not yet reviewed, within 60 days).',
        summary: 'The review of an order (its buyer, maker or an admin), and whether the buyer may write one now',
        params: s.idParam,
        response: { 200: s.orderReview, ...errorResponses },
      },
    },
    async (req) => orderReviewOf(deps, callerOf(req), req.params.id),
  );

  app.get(
    '/v1/makers/:id/reviews',
    {
      schema: {
        tags,
        description:
          'A maker’s reviews, newest first, in keyset pages, with the average rating and the number of reviews.',
        summary: "A maker's reviews, newest first (keyset pages), with the average rating and the count",
        params: s.idParam,
        querystring: s.pageQuery,
        response: { 200: s.makerReviewPage, ...errorResponses },
      },
    },
    async (req) => makerReviews(deps, req.params.id, req.query),
  );

  app.post(
    '/v1/reviews/:id/reply',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description: 'The maker reviewed adds one public answer under the review.',
        examples: { request: { text: 'Thank you, it was a joy to make.' } },
        summary: 'The reviewed maker answers a review, once (a second answer: 409 `already_replied`)',
        params: s.idParam,
        body: s.replyBody,
        response: { 201: s.review, ...errorResponses },
      },
    },
    async (req, reply) => {
      const review = await replyToReview(deps, {
        makerId: callerOf(req).userId,
        reviewId: req.params.id,
        text: req.body.text,
      });
      return reply.status(201).send(review);
    },
  );

  app.post(
    '/v1/reviews/:id/report',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        examples: { request: { reason: 'The review is about a different seller.' } },
        summary: 'Report a review to the admins, with a reason',
        description: '201 with the new report; reporting the same review again answers 200 with the first one.',
        params: s.idParam,
        body: s.reportBody,
        response: { 200: s.reportAnswer, 201: s.reportAnswer, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { report, created } = await reportReview(deps, {
        reporterId: callerOf(req).userId,
        reviewId: req.params.id,
        reason: req.body.reason,
      });
      return reply.status(created ? 201 : 200).send(report);
    },
  );
}
