/** The review rules, as plain functions of data and time. */
import { DomainError } from '../../platform/errors';

/** The longest review text, and the longest answer, in characters. */
export const MAX_REVIEW_TEXT_LENGTH = 1000;

/** How long after delivery the buyer may review the order. */
export const REVIEW_WINDOW_MS = 60 * 24 * 3600 * 1000;

/** Order states after delivery: confirmed by the buyer or automatically, and the payout released. */
const REVIEWABLE_STATUSES: readonly string[] = ['delivered', 'completed'];

export interface ReviewableOrder {
  buyerId: string;
  makerId: string;
  status: string;
  deliveredAt: Date | null;
}

/**
 * Who may review an order: its buyer only. A stranger learns nothing of the order (404); its maker
 * or an admin is refused as the wrong party (403), as the orders module answers them.
 */
export function requireBuyer<T extends ReviewableOrder>(
  order: T | null,
  caller: { userId: string; roles: readonly string[] },
): T {
  const party = order !== null && (order.buyerId === caller.userId || order.makerId === caller.userId);
  if (!order || (!party && !caller.roles.includes('admin')))
    throw new DomainError('order_not_found', 'No such order of yours');
  if (order.buyerId !== caller.userId)
    throw new DomainError('not_allowed_for_party', 'Only the buyer can review an order');
  return order;
}

/** The end of the order's review window, or null while it has not been delivered. */
export function reviewableUntil(order: Pick<ReviewableOrder, 'status' | 'deliveredAt'>): Date | null {
  if (!REVIEWABLE_STATUSES.includes(order.status) || order.deliveredAt === null) return null;
  return new Date(order.deliveredAt.getTime() + REVIEW_WINDOW_MS);
}

/** Null when the order may be reviewed now; otherwise the refusal (409). */
export function reviewRefusal(order: Pick<ReviewableOrder, 'status' | 'deliveredAt'>, now: Date): DomainError | null {
  const until = reviewableUntil(order);
  if (until === null)
    return new DomainError('order_not_delivered', 'An order can be reviewed once it has been delivered', {
      status: order.status,
    });
  if (now.getTime() > until.getTime())
    return new DomainError('review_window_closed', 'Reviews are taken for 60 days after delivery', {
      closedAt: until.toISOString(),
    });
  return null;
}

/** A maker's rating as shown: the average to two decimals (null without reviews) and the count. */
export function ratingFrom(sum: number, count: number): { average: number | null; count: number } {
  if (count <= 0) return { average: null, count: 0 };
  return { average: Math.round((sum * 100) / count) / 100, count };
}
