/**
 * Money on the client: integer minor units plus an ISO 4217 currency, never floating point.
 * Formatting and the increment rule are the server's own (@vw/domain); the server stays
 * authoritative, the client uses the rule only to show an optimistic minimum next bid. Amounts
 * are shown and typed with the viewer's locale's separators, in the amount's own currency.
 */
import { COMMON_CURRENCIES, formatMoney as formatMoneyIn, isSupportedCurrency, minorUnitExponent } from '@vw/domain';
import { formatTag } from './i18n/i18n';

export { minNextBid } from '@vw/domain';

/** Currencies a maker can price in (the common ones first). */
export const CURRENCIES = COMMON_CURRENCIES;

/** An amount as the viewer reads it: 10600 USD → "$106.00" in en-US, "106,00 US$" in pt-PT. */
export function formatMoney(amountMinor: number, currency: string, locale: string = formatTag()): string {
  return formatMoneyIn(amountMinor, currency, locale);
}

function minorExponent(currency: string): number {
  const code = currency.toUpperCase();
  return isSupportedCurrency(code) ? minorUnitExponent(code) : 2;
}

/** The locale's decimal and grouping marks ("." and "," in en, "," and " " in fr). */
function separators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(1_234_567.5);
  return {
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
  };
}

/** Minor units as the text a person would type ("106.00", "106,00" in pt). */
export function toMajorInput(amountMinor: number, currency: string, locale: string = formatTag()): string {
  const exponent = minorExponent(currency);
  if (exponent === 0) return String(amountMinor);
  const text = String(Math.abs(amountMinor)).padStart(exponent + 1, '0');
  const { decimal } = separators(locale);
  return `${amountMinor < 0 ? '-' : ''}${text.slice(0, -exponent)}${decimal}${text.slice(-exponent)}`;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Parses what a person typed with their locale's marks ("1,250.00" in en, "1.250,00" in de,
 * "1 250,00" in fr) into minor units without floating point; null when it is not a positive
 * amount with at most the currency's decimals.
 */
export function parseMoneyInput(text: string, currency: string, locale: string = formatTag()): number | null {
  const exponent = minorExponent(currency);
  const { decimal, group } = separators(locale);
  // Spaces of any kind group digits in every locale; the locale's own group mark is dropped too.
  const grouping = new RegExp(`[\\s\\u00a0\\u202f_${escape(group)}]`, 'g');
  const cleaned = text.trim().replace(grouping, '').replace(decimal, '.');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return null;
  const minor = Number(whole + fraction.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor) || minor <= 0) return null;
  return minor;
}
