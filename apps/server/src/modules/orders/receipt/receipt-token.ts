import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Relation } from '../rules';

/**
 * A receipt link works without a bearer token (emails and plain browser navigation cannot send
 * one): the token binds one order, one user and their role on it, so it opens that user's view of
 * that receipt only.
 */
function signature(secret: string, orderId: string, userId: string, relation: Relation): string {
  return createHmac('sha256', secret)
    .update(`order-receipt:${orderId}:${userId}:${relation}`)
    .digest('base64url')
    .slice(0, 32);
}

export function receiptToken(secret: string, orderId: string, userId: string, relation: Relation): string {
  return `${userId}.${relation}.${signature(secret, orderId, userId, relation)}`;
}

/** Who a receipt token was issued to, or null when it is not a valid token for this order. */
export function receiptTokenHolder(
  secret: string,
  orderId: string,
  token: string,
): { userId: string; relation: Relation } | null {
  const [userId, relation, sig] = token.split('.', 3);
  if (!userId || !sig || (relation !== 'buyer' && relation !== 'maker' && relation !== 'admin')) return null;
  const expected = Buffer.from(signature(secret, orderId, userId, relation));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, relation } : null;
}

export function receiptPath(orderId: string, token: string): string {
  return `/v1/orders/${orderId}/receipt?token=${encodeURIComponent(token)}`;
}
