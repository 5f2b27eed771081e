import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { decodeCursor, pageOf } from '../../platform/keyset-cursor';
import type { ReviewsDeps } from './deps';
import { presentReview } from './present';
import { ratingOf } from './read-reviews';
import { reviewNotFound } from './reply-to-review';
import { findReview, listOpenReports, markRemoved, removeFromRating, resolveReports } from './repo';
import type { z } from 'zod';
import type { adminReviewReportPage, moderationAnswer } from './schemas';

/** Open reports of reviews, newest first: the admin's queue of reviews to remove or keep. */
export async function listReviewReports(
  deps: ReviewsDeps,
  query: { cursor?: string | undefined; limit: number },
): Promise<z.infer<typeof adminReviewReportPage>> {
  const rows = await listOpenReports(deps.db, query.cursor ? decodeCursor(query.cursor) : null, query.limit);
  const page = pageOf(rows, query.limit, (r) => ({ at: r.report.createdAt, id: r.report.id }));
  const accounts = await deps.identity.accountsOf(page.items.map((r) => r.review.buyerId));
  return {
    items: page.items.map((r) => ({
      id: r.report.id,
      reason: r.report.reason,
      createdAt: r.report.createdAt.toISOString(),
      reporterId: r.report.reporterId,
      review: presentReview(r.review, accounts),
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * An admin removes a review: it leaves the maker's page and rating, its open reports close as
 * upheld, and the removal is written to the audit log — all in one transaction.
 */
export async function removeReview(
  deps: ReviewsDeps,
  input: { adminId: string; reviewId: string; reason: string },
): Promise<z.infer<typeof moderationAnswer>> {
  const review = await findReview(deps.db, input.reviewId);
  if (!review) throw reviewNotFound();
  const now = deps.clock.now();
  const reportsResolved = await deps.db.transaction(async (tx) => {
    const removed = await markRemoved(tx, {
      reviewId: review.id,
      adminId: input.adminId,
      reason: input.reason,
      at: now,
    });
    if (!removed) throw new DomainError('review_already_removed', 'This review was already removed');
    await removeFromRating(tx, removed.makerId, removed.rating, now);
    const closed = await resolveReports(tx, {
      reviewId: review.id,
      adminId: input.adminId,
      resolution: 'removed',
      at: now,
    });
    await recordAudit(tx, {
      actorId: input.adminId,
      action: 'review.remove',
      targetType: 'review',
      targetId: review.id,
      reason: input.reason,
      details: { makerId: review.makerId, orderId: review.orderId, rating: review.rating, reportsResolved: closed },
    });
    return closed;
  });
  return { reviewId: review.id, reportsResolved, rating: await ratingOf(deps, review.makerId) };
}

/** An admin keeps a reported review: its open reports close as dismissed (audited). */
export async function dismissReviewReports(
  deps: ReviewsDeps,
  input: { adminId: string; reviewId: string; note?: string | undefined },
): Promise<z.infer<typeof moderationAnswer>> {
  const review = await findReview(deps.db, input.reviewId);
  if (!review) throw reviewNotFound();
  const now = deps.clock.now();
  const reportsResolved = await deps.db.transaction(async (tx) => {
    const closed = await resolveReports(tx, {
      reviewId: review.id,
      adminId: input.adminId,
      resolution: 'dismissed',
      at: now,
    });
    await recordAudit(tx, {
      actorId: input.adminId,
      action: 'review.reports_dismissed',
      targetType: 'review',
      targetId: review.id,
      reason: input.note ?? null,
      details: { makerId: review.makerId, reportsResolved: closed },
    });
    return closed;
  });
  return { reviewId: review.id, reportsResolved, rating: await ratingOf(deps, review.makerId) };
}
