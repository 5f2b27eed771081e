import { DomainError } from '../../platform/errors';
import { decodeCursor, pageOf } from '../../platform/keyset-cursor';
import type { ReviewsDeps } from './deps';
import { presentReview, presentReviews } from './present';
import { findReviewOfOrder, listMakerReviews, ratingRow } from './repo';
import { ratingFrom, reviewableUntil, reviewRefusal } from './rules';
import type { z } from 'zod';
import type { makerReviewPage, orderReview } from './schemas';

/** The maker's rating: the average of the reviews on show and how many there are. */
export async function ratingOf(deps: ReviewsDeps, makerId: string): Promise<{ average: number | null; count: number }> {
  const { sum, count } = await ratingRow(deps.db, makerId);
  return ratingFrom(sum, count);
}

/** A maker's reviews on show, newest first (keyset pages), with the maker's rating. */
export async function makerReviews(
  deps: ReviewsDeps,
  makerId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<z.infer<typeof makerReviewPage>> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const [rows, rating] = await Promise.all([
    listMakerReviews(deps.db, makerId, after, query.limit),
    ratingOf(deps, makerId),
  ]);
  const page = pageOf(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return {
    items: await presentReviews(page.items, deps.identity.accountsOf),
    ...rating,
    nextCursor: page.nextCursor,
  };
}

/**
 * The review of an order, for its buyer, its maker or an admin (anyone else: 404), and whether the
 * buyer may review it now.
 */
export async function orderReviewOf(
  deps: ReviewsDeps,
  caller: { userId: string; roles: readonly string[] },
  orderId: string,
): Promise<z.infer<typeof orderReview>> {
  const order = await deps.orders.orderForReview(orderId);
  const party = order && (order.buyerId === caller.userId || order.makerId === caller.userId);
  if (!order || (!party && !caller.roles.includes('admin'))) throw new DomainError('order_not_found', 'No such order');
  const row = await findReviewOfOrder(deps.db, orderId);
  const until = reviewableUntil(order);
  const shown = row && row.removedAt === null ? row : null;
  return {
    review: shown ? presentReview(shown, await deps.identity.accountsOf([shown.buyerId])) : null,
    canReview: caller.userId === order.buyerId && row === null && reviewRefusal(order, deps.clock.now()) === null,
    reviewableUntil: until?.toISOString() ?? null,
  };
}
