import { DomainError } from '../../platform/errors';
import { notice } from '../notifications';
import type { ReviewsDeps } from './deps';
import { reviewMessages } from './messages';
import { presentReview } from './present';
import { findReview, setReply } from './repo';
import type { ReviewView } from './schemas';

export const reviewNotFound = (): DomainError => new DomainError('review_not_found', 'No such review');

/**
 * The reviewed maker answers a review, once. The answer and the buyer's notification are written in
 * one transaction; of concurrent answers exactly one is taken.
 */
export async function replyToReview(
  deps: ReviewsDeps,
  input: { makerId: string; reviewId: string; text: string },
): Promise<ReviewView> {
  const review = await findReview(deps.db, input.reviewId);
  if (!review || review.removedAt !== null) throw reviewNotFound();
  if (review.makerId !== input.makerId)
    throw new DomainError('not_allowed_for_party', 'Only the reviewed maker can answer a review');
  if (review.repliedAt !== null) throw alreadyReplied();
  const now = deps.clock.now();
  const accounts = await deps.identity.accountsOf([review.buyerId, review.makerId]);
  return deps.db.transaction(async (tx) => {
    const row = await setReply(tx, { reviewId: review.id, makerId: input.makerId, text: input.text, at: now });
    // Lost to a concurrent answer, or removed meanwhile.
    if (!row) throw alreadyReplied();
    const maker = accounts.get(row.makerId)?.displayName ?? reviewMessages.phrase('theMaker');
    await deps.notifications.notify(tx, {
      userId: row.buyerId,
      kind: 'review_reply',
      message: notice(reviewMessages, 'reply', {
        maker,
        text: input.text.length > 140 ? `${[...input.text].slice(0, 139).join('')}…` : input.text,
      }),
      data: { reviewId: row.id, orderId: row.orderId },
      link: `/orders/${row.orderId}`,
      dedupeKey: `review-reply:${row.id}`,
    });
    return presentReview(row, accounts);
  });
}

const alreadyReplied = (): DomainError => new DomainError('already_replied', 'This review has already been answered');
