import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

// Intl separates a currency code from the amount with a no-break space (U+00A0).
describe('formatMoney (Intl currency format, locale "en" unless given)', () => {
  it('shows the symbol, grouping and the currency’s own decimals', () => {
    expect(formatMoney(10_600, 'USD')).toBe('$106.00');
    expect(formatMoney(125_000, 'USD')).toBe('$1,250.00');
    expect(formatMoney(0, 'USD')).toBe('$0.00');
    expect(formatMoney(5, 'usd')).toBe('$0.05');
  });

  it('shows zero-decimal currencies whole and three-decimal ones in thousandths', () => {
    expect(formatMoney(1015, 'JPY')).toBe('¥1,015');
    expect(formatMoney(50_000, 'KRW')).toBe('₩50,000');
    expect(formatMoney(10_000, 'KWD')).toBe('KWD\u00a010.000');
  });

  it('keeps our minor units where ICU would round them away (HUF is priced in hundredths)', () => {
    expect(formatMoney(123_456, 'HUF')).toBe('HUF\u00a01,234.56');
  });

  it('follows the locale when one is given', () => {
    expect(formatMoney(123_456, 'EUR', 'de-DE')).toBe('1.234,56\u00a0€');
    expect(formatMoney(10_600, 'GBP', 'en-GB')).toBe('£106.00');
  });

  it('formats a currency outside our table with the runtime’s own decimals', () => {
    expect(formatMoney(1234, 'PEN')).toBe('PEN\u00a012.34');
  });
});
