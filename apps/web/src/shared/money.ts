/**
 * Money on the client: integer minor units plus an ISO 4217 currency, never floating point.
 * Formatting and the increment rule are the server's own (@vw/domain); the server stays
 * authoritative, the client uses the rule only to show an optimistic minimum next bid.
 */
import { COMMON_CURRENCIES, isSupportedCurrency, minorUnitExponent } from '@vw/domain';

export { formatMoney, minNextBid } from '@vw/domain';

/** Currencies a maker can price in (the common ones first). */
export const CURRENCIES = COMMON_CURRENCIES;

function minorExponent(currency: string): number {
  const code = currency.toUpperCase();
  return isSupportedCurrency(code) ? minorUnitExponent(code) : 2;
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
