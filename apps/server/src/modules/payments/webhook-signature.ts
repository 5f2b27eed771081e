/**
 * Stripe's webhook signature scheme: header `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`
 * (several `v1` entries while a secret rolls over). The local provider signs its events the same
 * way, so both travel one verification path. Time comes from the injected clock.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../platform/errors';

/** Stripe's default: a signature older (or newer) than this is refused as a replay. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestamp: number, payload: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(payload).digest('hex');
}

/** The header value for `payload` signed at `at`. */
export function signWebhookPayload(secret: string, payload: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, payload)}`;
}

const invalid = (message: string): DomainError => new DomainError('invalid_signature', message);

/** Throws 400 `invalid_signature` unless the header signs exactly this raw body within the tolerance. */
export function verifyWebhookSignature(
  secret: string,
  rawBody: Buffer,
  header: string | string[] | undefined,
  now: Date,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): void {
  if (typeof header !== 'string' || header.length === 0 || header.length > 4096) {
    throw invalid('Missing Stripe-Signature header');
  }
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.split('=', 2).map((s) => s.trim());
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === null || signatures.length === 0) throw invalid('Malformed Stripe-Signature header');
  const expected = Buffer.from(hmacHex(secret, timestamp, rawBody), 'hex');
  const matches = signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
  if (!matches) throw invalid('The signature does not match the body');
  const age = Math.abs(now.getTime() / 1000 - timestamp);
  if (age > toleranceSeconds) throw invalid('The signature timestamp is outside the tolerance');
}
