/** Payment rules as pure functions: money in integer minor units, time from the caller's clock. */

/** The platform's fee on a sale: `percent` of the amount, half up, in integer arithmetic (two decimals of percent). */
export function platformFee(amountMinor: number, percent: number): number {
  const basisPoints = BigInt(Math.round(percent * 100));
  const fee = (BigInt(amountMinor) * basisPoints + 5_000n) / 10_000n;
  return Number(fee);
}

/** Time kept between our "now" and the provider's check, so a slow request still clears its floor. */
const CLOCK_MARGIN_SECONDS = 120;
/** Stripe's ceiling for a Checkout Session's `expires_at` is 24 hours after its creation. */
const MAXIMUM_SESSION_SECONDS = 24 * 3600;

/**
 * When the provider's checkout session should stop taking payment: the window's end, moved
 * later when the provider demands a longer minimum (Stripe: 30 minutes) and earlier when it
 * would exceed the provider's maximum. A payment that completes after the window closed is
 * refunded, never turned into an order, so a clamped session cannot sell a closed window.
 */
export function sessionExpiry(
  windowExpiresAt: Date,
  now: Date,
  minimumSessionSeconds: number,
): { expiresAt: Date; clamped: 'no' | 'raised_to_minimum' | 'lowered_to_maximum' } {
  if (minimumSessionSeconds <= 0) return { expiresAt: windowExpiresAt, clamped: 'no' };
  const earliest = now.getTime() + (minimumSessionSeconds + CLOCK_MARGIN_SECONDS) * 1000;
  const latest = now.getTime() + (MAXIMUM_SESSION_SECONDS - CLOCK_MARGIN_SECONDS) * 1000;
  if (windowExpiresAt.getTime() < earliest) return { expiresAt: new Date(earliest), clamped: 'raised_to_minimum' };
  if (windowExpiresAt.getTime() > latest) return { expiresAt: new Date(latest), clamped: 'lowered_to_maximum' };
  return { expiresAt: windowExpiresAt, clamped: 'no' };
}

/** What can still be refunded: refunds in flight and refunds the provider reports both count. */
export function refundableMinor(payment: {
  amountMinor: number;
  refundReservedMinor: number;
  refundedMinor: number;
}): number {
  return Math.max(0, payment.amountMinor - Math.max(payment.refundReservedMinor, payment.refundedMinor));
}

/** The maker's share once the sale is final: the amount less the platform fee and anything refunded. */
export function payoutMinor(payment: { amountMinor: number; feeMinor: number; refundedMinor: number }): number {
  return Math.max(0, payment.amountMinor - payment.feeMinor - payment.refundedMinor);
}

/** Keys of provider objects that hold personal data (names, emails, phones, addresses). */
const PERSONAL_KEYS = new Set([
  'customer_details',
  'collected_information',
  'shipping_details',
  'shipping',
  'billing_details',
  'customer_email',
  'receipt_email',
  'email',
]);

/** A copy of a provider event without its personal fields, for storing. */
export function redactPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactPersonalData);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    out[key] = PERSONAL_KEYS.has(key) && inner !== null ? '[redacted]' : redactPersonalData(inner);
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from outside (metadata, paths) are checked before they reach a uuid column. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
