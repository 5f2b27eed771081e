import { DomainError } from '../../platform/errors';
import { notice } from '../notifications';
import type { ReviewsDeps } from './deps';
import { reviewMessages } from './messages';
import { presentReview } from './present';
import { addToRating, insertReview } from './repo';
import { requireBuyer, reviewRefusal } from './rules';
import type { ReviewView } from './schemas';

/**
 * The buyer reviews the maker of a delivered order: a rating of 1 to 5 and optional text, once per
 * order, within 60 days of delivery. The review, the maker's rating and the maker's notification
 * are written in one transaction; of concurrent posts for one order exactly one is taken.
 */
export async function postReview(
  deps: ReviewsDeps,
  input: {
    caller: { userId: string; roles: readonly string[] };
    orderId: string;
    rating: number;
    text?: string | undefined;
  },
): Promise<ReviewView> {
  const order = requireBuyer(await deps.orders.orderForReview(input.orderId), input.caller);
  const now = deps.clock.now();
  const refusal = reviewRefusal(order, now);
  if (refusal) throw refusal;
  const accounts = await deps.identity.accountsOf([order.buyerId]);
  return deps.db.transaction(async (tx) => {
    const row = await insertReview(tx, {
      orderId: input.orderId,
      makerId: order.makerId,
      buyerId: order.buyerId,
      storyId: order.storyId,
      rating: input.rating,
      text: input.text ?? null,
      createdAt: now,
    });
    if (!row) throw new DomainError('already_reviewed', 'This order has already been reviewed');
    await addToRating(tx, row.makerId, row.rating, now);
    const view = presentReview(row, accounts);
    await deps.notifications.notify(tx, {
      userId: row.makerId,
      kind: 'review_received',
      message: row.text
        ? notice(reviewMessages, 'receivedWithText', {
            buyer: view.buyer.displayName,
            rating: row.rating,
            title: order.title,
            excerpt: excerpt(row.text),
          })
        : notice(reviewMessages, 'received', { buyer: view.buyer.displayName, rating: row.rating, title: order.title }),
      data: { reviewId: row.id, orderId: row.orderId, rating: row.rating },
      link: `/orders/${row.orderId}`,
      dedupeKey: `review:${row.id}`,
    });
    return view;
  });
}

/** The start of a review's text, for a notification's body. */
function excerpt(text: string): string {
  const chars = [...text];
  return chars.length <= 140 ? text : `${chars.slice(0, 139).join('')}…`;
}
