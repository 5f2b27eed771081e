import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors';
import { signWebhookPayload, verifyWebhookSignature } from './webhook-signature';
import { errorStatus } from '../../platform/http/error-status';

const secret = 'whsec_test_secret';
const body = JSON.stringify({ id: 'evt_1', type: 'checkout.session.completed' });
const at = new Date('2026-03-01T12:00:00Z');

function refusal(fn: () => void): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return `${errorStatus(err.code)} ${err.code}`;
    throw err;
  }
  return 'accepted';
}

describe('webhook signature (Stripe scheme)', () => {
  it('accepts the exact body signed with the secret within the tolerance', () => {
    const header = signWebhookPayload(secret, body, at);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(
      refusal(() => verifyWebhookSignature(secret, Buffer.from(body), header, new Date(at.getTime() + 299_000))),
    ).toBe('accepted');
  });

  it('refuses a changed body, another secret, a stale or future timestamp, and malformed headers', () => {
    const header = signWebhookPayload(secret, body, at);
    const check = (raw: string, h: string | undefined, now = at, s = secret) =>
      refusal(() => verifyWebhookSignature(s, Buffer.from(raw), h, now));
    expect(check(`${body} `, header)).toBe('400 invalid_signature');
    expect(check(body, header, at, 'whsec_other')).toBe('400 invalid_signature');
    expect(check(body, header, new Date(at.getTime() + 301_000))).toBe('400 invalid_signature');
    expect(check(body, header, new Date(at.getTime() - 301_000))).toBe('400 invalid_signature');
    expect(check(body, undefined)).toBe('400 invalid_signature');
    expect(check(body, 'v1=abc')).toBe('400 invalid_signature');
    expect(check(body, header.replace(/v1=.*/, 'v1=' + '0'.repeat(64)))).toBe('400 invalid_signature');
  });

  it('accepts any matching v1 entry (a secret being rolled)', () => {
    const good = signWebhookPayload(secret, body, at);
    const t = good.split(',')[0]!;
    const header = `${t},v1=${'a'.repeat(64)},${good.split(',')[1]!}`;
    expect(refusal(() => verifyWebhookSignature(secret, Buffer.from(body), header, at))).toBe('accepted');
  });
});
