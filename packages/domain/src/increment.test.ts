import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isMinorAmount,
  isSupportedCurrency,
  MAX_AMOUNT_MINOR,
  minNextBid,
  minorUnitExponent,
  wholeUnitMinor,
} from './index';

describe('minNextBid (high × 1.01 rounded up to a whole unit, plus 5 units)', () => {
  it('follows the spec example: high 100.00 USD → next at least 106.00', () => {
    expect(minNextBid(10000, 'USD')).toBe(10600);
  });

  it('rounds the 1% up to the next whole unit, not to the next cent', () => {
    // 100.01 × 1.01 = 101.0101 → 102 → + 5 = 107.00
    expect(minNextBid(10001, 'USD')).toBe(10700);
    // 99.00 × 1.01 = 99.99 → 100 → + 5 = 105.00
    expect(minNextBid(9900, 'USD')).toBe(10500);
  });

  it('does not round an exact whole unit up again', () => {
    // 200.00 × 1.01 = 202.00 exactly
    expect(minNextBid(20000, 'EUR')).toBe(20700);
  });

  it('uses each currency’s own minor unit (JPY has none, KWD has three)', () => {
    expect(minNextBid(1000, 'JPY')).toBe(1015);
    expect(minNextBid(1001, 'JPY')).toBe(1017); // 1011.01 → 1012 + 5
    expect(minNextBid(10000, 'KWD')).toBe(16000); // 10.000 × 1.01 = 10.1 → 11 + 5 = 16.000
    expect(minNextBid(10000, 'GBP')).toBe(10600);
  });

  it('starts at 5 whole units from nothing', () => {
    expect(minNextBid(0, 'USD')).toBe(500);
    expect(minNextBid(0, 'JPY')).toBe(5);
  });

  it('stays exact at the largest amount we accept', () => {
    const next = minNextBid(MAX_AMOUNT_MINOR, 'USD');
    expect(Number.isSafeInteger(next)).toBe(true);
    expect(next).toBe(101_000_000_000_500);
  });

  it('refuses unknown currencies and non-integer highs loudly (a bug, not a user error)', () => {
    expect(() => minNextBid(100, 'XXX')).toThrow(RangeError);
    expect(() => minNextBid(100.5, 'USD')).toThrow(RangeError);
    expect(() => minNextBid(-1, 'USD')).toThrow(RangeError);
  });

  it('is always a whole number of units, above the high bid, and never smaller for a larger high', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('USD', 'JPY', 'KWD', 'EUR'),
        fc.integer({ min: 0, max: MAX_AMOUNT_MINOR - 1 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (currency, high, delta) => {
          const next = minNextBid(high, currency);
          const unit = wholeUnitMinor(currency);
          expect(next % unit).toBe(0);
          expect(next).toBeGreaterThanOrEqual(high + 5 * unit);
          // 1% of the high, rounded up, is never more than one whole unit above the exact 1%.
          expect(next - 5 * unit - high).toBeLessThan(high / 100 + unit);
          expect(minNextBid(Math.min(high + delta, MAX_AMOUNT_MINOR), currency)).toBeGreaterThanOrEqual(next);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('money helpers', () => {
  it('knows the minor-unit exponents', () => {
    expect(minorUnitExponent('USD')).toBe(2);
    expect(minorUnitExponent('JPY')).toBe(0);
    expect(minorUnitExponent('BHD')).toBe(3);
    expect(isSupportedCurrency('USD')).toBe(true);
    expect(isSupportedCurrency('toString')).toBe(false);
    expect(() => minorUnitExponent('toString')).toThrow(RangeError);
  });

  it('accepts only positive safe integers up to the ceiling as amounts', () => {
    expect(isMinorAmount(1)).toBe(true);
    expect(isMinorAmount(MAX_AMOUNT_MINOR)).toBe(true);
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_AMOUNT_MINOR + 1])
      expect(isMinorAmount(bad)).toBe(false);
  });
});
