/**
 * Money on the client: integer minor units plus an ISO 4217 currency, never floating point.
 * The increment rule mirrors the server's (the server stays authoritative; the client uses it
 * only to show an optimistic minimum next bid until the server answers).
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  JPY: 0,
  KRW: 0,
  ISK: 0,
  CLP: 0,
  VND: 0,
  UGX: 0,
  XOF: 0,
  XAF: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
};

/** Currencies a maker can price in (the common ones first). */
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'SEK', 'NOK', 'DKK', 'JPY', 'NZD', 'SGD'] as const;

export function minorExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

export function wholeUnitMinor(currency: string): number {
  return 10 ** minorExponent(currency);
}

const formatters = new Map<string, Intl.NumberFormat>();

/** "US$1,234.50" style, in the viewer's locale. */
export function formatMoney(amountMinor: number, currency: string): string {
  const key = currency.toUpperCase();
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = minorExponent(key);
    formatter = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: key,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  // Division by a power of ten is exact enough for display; the amount itself stays an integer.
  return formatter.format(amountMinor / wholeUnitMinor(key));
}

/** Minor units as the text a person would type ("106.00"). */
export function toMajorInput(amountMinor: number, currency: string): string {
  const exponent = minorExponent(currency);
  if (exponent === 0) return String(amountMinor);
  const text = String(Math.abs(amountMinor)).padStart(exponent + 1, '0');
  return `${amountMinor < 0 ? '-' : ''}${text.slice(0, -exponent)}.${text.slice(-exponent)}`;
}

/**
 * Parses what a person typed ("106", "106.5", "1,250.00") into minor units without floating
 * point; null when it is not a positive amount with at most the currency's decimals.
 */
export function parseMoneyInput(text: string, currency: string): number | null {
  const exponent = minorExponent(currency);
  const cleaned = text.trim().replace(/[\s,_]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return null;
  const minor = Number(whole + fraction.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor) || minor <= 0) return null;
  return minor;
}

/**
 * The seeds' increment rule, as the server applies it: the high bid × 1.01 rounded up to a whole
 * currency unit, plus 5 whole units (100.00 → 106.00).
 */
export function minNextBid(highBidMinor: number, currency: string): number {
  const unit = BigInt(wholeUnitMinor(currency));
  const wholeUnitsRoundedUp = (BigInt(highBidMinor) * 101n + 100n * unit - 1n) / (100n * unit);
  return Number((wholeUnitsRoundedUp + 5n) * unit);
}
