import { isSupportedCurrency, minorUnitExponent } from './currencies';

/** The locale money is shown in when the viewer's is not known (emails, server pages). */
export const DEFAULT_LOCALE = 'en';

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}/${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // Our own exponent table decides the decimals (ICU shows 0 for HUF and TWD, which we price in hundredths).
    const digits = isSupportedCurrency(currency) ? minorUnitExponent(currency) : undefined;
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * An amount of minor units as people read it, in the currency's own format for the locale:
 * 10600 USD → "$106.00", 1015 JPY → "¥1,015", 10000 KWD → "KWD 10.000" (locale 'en').
 */
export function formatMoney(amountMinor: number, currency: string, locale: string = DEFAULT_LOCALE): string {
  const code = currency.toUpperCase();
  const formatter = formatterFor(code, locale);
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  // Division by a power of ten is exact enough for display; the amount itself stays an integer.
  return formatter.format(amountMinor / 10 ** digits);
}
