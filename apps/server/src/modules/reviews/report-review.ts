import { DomainError } from '../../platform/errors';
import type { ReviewsDeps } from './deps';
import { reviewNotFound } from './reply-to-review';
import { findReview, insertReport } from './repo';

/**
 * A signed-in user reports a review on show (not their own) to the admins, with a reason.
 * Reporting it again answers the first report.
 */
export async function reportReview(
  deps: ReviewsDeps,
  input: { reporterId: string; reviewId: string; reason: string },
): Promise<{ report: { id: string; reviewId: string; createdAt: string }; created: boolean }> {
  const review = await findReview(deps.db, input.reviewId);
  if (!review || review.removedAt !== null) throw reviewNotFound();
  if (review.buyerId === input.reporterId)
    throw new DomainError('cannot_report_self', 'You cannot report your own review');
  const { report, created } = await insertReport(deps.db, {
    reviewId: review.id,
    reporterId: input.reporterId,
    reason: input.reason,
    createdAt: deps.clock.now(),
  });
  return { report: { id: report.id, reviewId: review.id, createdAt: report.createdAt.toISOString() }, created };
}
