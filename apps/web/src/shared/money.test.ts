import { describe, expect, it } from 'vitest';
import { formatMoney, minNextBid, parseMoneyInput, toMajorInput } from './money';

describe('money', () => {
  it('applies the increment rule the server uses', () => {
    expect(minNextBid(10_000, 'USD')).toBe(10_600);
    expect(minNextBid(10_600, 'USD')).toBe(11_300);
    expect(minNextBid(1000, 'JPY')).toBe(1015);
    expect(minNextBid(0, 'USD')).toBe(500);
  });

  it('parses typed amounts into minor units without floating point', () => {
    expect(parseMoneyInput('106', 'USD')).toBe(10_600);
    expect(parseMoneyInput('1,250.5', 'USD')).toBe(125_050);
    expect(parseMoneyInput('0.29', 'USD')).toBe(29);
    expect(parseMoneyInput('1.005', 'USD')).toBeNull();
    expect(parseMoneyInput('12.5', 'JPY')).toBeNull();
    expect(parseMoneyInput('-3', 'USD')).toBeNull();
    expect(parseMoneyInput('abc', 'USD')).toBeNull();
  });

  it('formats and round-trips amounts', () => {
    expect(formatMoney(10_600, 'USD')).toBe('$106.00');
    expect(toMajorInput(10_605, 'USD')).toBe('106.05');
    expect(toMajorInput(5, 'USD')).toBe('0.05');
    expect(toMajorInput(1015, 'JPY')).toBe('1015');
  });

  it("uses the viewer's locale's separators, in the amount's own currency", () => {
    expect(formatMoney(123_450, 'EUR', 'pt-PT')).toBe('1234,50\u00a0€');
    expect(formatMoney(1_234_550, 'EUR', 'de-DE')).toBe('12.345,50\u00a0€');
    expect(formatMoney(10_600, 'USD', 'fr-FR')).toBe('106,00\u00a0$US');
    expect(toMajorInput(10_605, 'EUR', 'pt-PT')).toBe('106,05');
    expect(parseMoneyInput('1.250,5', 'EUR', 'de-DE')).toBe(125_050);
    expect(parseMoneyInput('1\u202f250,50', 'EUR', 'fr-FR')).toBe(125_050);
    expect(parseMoneyInput('106,5', 'EUR', 'pt-PT')).toBe(10_650);
    // A comma is never a decimal mark in English, nor a full stop in German.
    expect(parseMoneyInput('1,005', 'USD', 'en-US')).toBe(100_500);
    expect(parseMoneyInput('1.005', 'EUR', 'de-DE')).toBe(100_500);
  });
});
