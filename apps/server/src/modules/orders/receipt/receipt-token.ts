import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Relation } from '../rules';

/** How long a receipt link works; afterwards the receipt is one sign-in away. */
export const RECEIPT_LINK_SECONDS = 30 * 24 * 3600;

/**
 * A receipt link works without a bearer token (emails and plain browser navigation cannot send
 * one): the token binds one order, one user, their role on it and an expiry, so it opens that
 * user's view of that receipt only, and only for `RECEIPT_LINK_SECONDS`. A page opened by link
 * never shows the full shipping address (links get forwarded; mailboxes get read).
 */
function signature(secret: string, orderId: string, userId: string, relation: Relation, expiresAt: number): string {
  return createHmac('sha256', secret)
    .update(`order-receipt:${orderId}:${userId}:${relation}:${expiresAt}`)
    .digest('base64url')
    .slice(0, 32);
}

/** A receipt token issued now (`nowMs` from the clock). */
export function receiptToken(
  secret: string,
  orderId: string,
  userId: string,
  relation: Relation,
  nowMs: number,
): string {
  const expiresAt = Math.floor(nowMs / 1000) + RECEIPT_LINK_SECONDS;
  return `${userId}.${relation}.${expiresAt}.${signature(secret, orderId, userId, relation, expiresAt)}`;
}

/**
 * Who a receipt token was issued to; `expired` when it was valid but its time is up; null when
 * it is not a valid token for this order (older tokens without an expiry included).
 */
export function receiptTokenHolder(
  secret: string,
  orderId: string,
  token: string,
  nowMs: number,
): { userId: string; relation: Relation } | 'expired' | null {
  const [userId, relation, expiry, sig, extra] = token.split('.');
  if (!userId || !sig || extra !== undefined || !expiry || !/^[0-9]{1,12}$/.test(expiry)) return null;
  if (relation !== 'buyer' && relation !== 'maker' && relation !== 'admin') return null;
  const expiresAt = Number(expiry);
  const expected = Buffer.from(signature(secret, orderId, userId, relation, expiresAt));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return expiresAt * 1000 <= nowMs ? 'expired' : { userId, relation };
}

export function receiptPath(orderId: string, token: string): string {
  return `/v1/orders/${orderId}/receipt?token=${encodeURIComponent(token)}`;
}
