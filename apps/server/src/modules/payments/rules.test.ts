import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { payoutMinor, platformFee, redactPersonalData, refundableMinor, sessionExpiry } from './rules';

describe('platform fee', () => {
  it('is the percentage of the amount, half up, in whole minor units', () => {
    expect(platformFee(25_000, 10)).toBe(2_500);
    expect(platformFee(1_005, 10)).toBe(101); // 100.5 rounds up
    expect(platformFee(1_004, 10)).toBe(100);
    expect(platformFee(9_999, 2.9)).toBe(290);
    expect(platformFee(10_000, 0)).toBe(0);
    expect(platformFee(10_000, 100)).toBe(10_000);
  });

  it('never exceeds the amount and stays exact for large amounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), fc.integer({ min: 0, max: 10_000 }), (amount, bps) => {
        const fee = platformFee(amount, bps / 100);
        expect(Number.isSafeInteger(fee)).toBe(true);
        expect(fee).toBeGreaterThanOrEqual(0);
        expect(fee).toBeLessThanOrEqual(amount);
      }),
    );
  });
});

describe('checkout session expiry', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const minutes = (m: number) => new Date(now.getTime() + m * 60_000);

  it('is the window end when the provider has no floor', () => {
    expect(sessionExpiry(minutes(5), now, 0)).toEqual({ expiresAt: minutes(5), clamped: 'no' });
  });

  it("is raised to Stripe's 30-minute floor (plus a margin) for short windows", () => {
    const result = sessionExpiry(minutes(10), now, 1800);
    expect(result.clamped).toBe('raised_to_minimum');
    expect(result.expiresAt.getTime()).toBeGreaterThanOrEqual(minutes(30).getTime());
  });

  it('keeps a window end inside the accepted range, and lowers one beyond 24 hours', () => {
    expect(sessionExpiry(minutes(600), now, 1800)).toEqual({ expiresAt: minutes(600), clamped: 'no' });
    const long = sessionExpiry(minutes(48 * 60), now, 1800);
    expect(long.clamped).toBe('lowered_to_maximum');
    expect(long.expiresAt.getTime()).toBeLessThan(minutes(24 * 60).getTime());
  });
});

describe('refund and payout amounts', () => {
  it('counts refunds in flight and provider-reported refunds against what is left', () => {
    expect(refundableMinor({ amountMinor: 10_000, refundReservedMinor: 0, refundedMinor: 0 })).toBe(10_000);
    expect(refundableMinor({ amountMinor: 10_000, refundReservedMinor: 3_000, refundedMinor: 1_000 })).toBe(7_000);
    expect(refundableMinor({ amountMinor: 10_000, refundReservedMinor: 3_000, refundedMinor: 4_000 })).toBe(6_000);
    expect(refundableMinor({ amountMinor: 10_000, refundReservedMinor: 12_000, refundedMinor: 0 })).toBe(0);
  });

  it('pays the maker the amount less the fee and refunds, never below zero', () => {
    expect(payoutMinor({ amountMinor: 25_000, feeMinor: 2_500, refundedMinor: 0 })).toBe(22_500);
    expect(payoutMinor({ amountMinor: 25_000, feeMinor: 2_500, refundedMinor: 5_000 })).toBe(17_500);
    expect(payoutMinor({ amountMinor: 25_000, feeMinor: 2_500, refundedMinor: 25_000 })).toBe(0);
  });
});

describe('stored events', () => {
  it('lose their personal fields, wherever they sit', () => {
    const event = {
      id: 'evt_1',
      data: {
        object: {
          id: 'cs_1',
          customer_details: { email: 'a@b.c', name: 'Ada' },
          collected_information: { shipping_details: { name: 'Ada', address: { line1: '1 Lane' } } },
          metadata: { windowId: 'w' },
          charges: [{ billing_details: { name: 'Ada' }, amount: 5 }],
        },
      },
    };
    const text = JSON.stringify(redactPersonalData(event));
    expect(text).not.toContain('Ada');
    expect(text).not.toContain('a@b.c');
    expect(text).not.toContain('1 Lane');
    expect(text).toContain('"windowId":"w"');
    expect(text).toContain('"amount":5');
  });
});
