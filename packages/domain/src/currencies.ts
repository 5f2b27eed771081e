/**
 * The currencies we price in and their minor units. Money is integer minor units in a JS number
 * (always a safe integer); nothing here goes through floating point except display.
 */

/** ISO 4217 minor-unit exponents of the currencies we accept (amount in minor units = major × 10^exp). */
const MINOR_UNIT_EXPONENTS: Readonly<Record<string, number>> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  HUF: 2,
  MXN: 2,
  BRL: 2,
  SGD: 2,
  HKD: 2,
  INR: 2,
  ZAR: 2,
  TWD: 2,
  THB: 2,
  ILS: 2,
  TRY: 2,
  RON: 2,
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

/** Every currency an auction, a price or an offer may be in. */
export const SUPPORTED_CURRENCIES: readonly string[] = Object.keys(MINOR_UNIT_EXPONENTS);

/** The currencies a maker's price picker offers (the common ones first). */
export const COMMON_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'JPY',
  'NZD',
  'SGD',
] as const;

/**
 * Largest amount a bid, offer or price may carry: 10^14 minor units (a trillion dollars). It keeps
 * every derived amount (an increment on top of it) far inside Number.MAX_SAFE_INTEGER.
 */
export const MAX_AMOUNT_MINOR = 100_000_000_000_000;

/** True when `currency` is one we price in. */
export function isSupportedCurrency(currency: string): boolean {
  return Object.hasOwn(MINOR_UNIT_EXPONENTS, currency);
}

/** Minor-unit exponent of a currency (USD 2, JPY 0, KWD 3); throws for a currency we do not support. */
export function minorUnitExponent(currency: string): number {
  const exponent = Object.hasOwn(MINOR_UNIT_EXPONENTS, currency) ? MINOR_UNIT_EXPONENTS[currency] : undefined;
  // Unknown currencies are stopped where a story or auction is created; reaching here is a bug.
  if (exponent === undefined) throw new RangeError(`Unsupported currency: ${currency}`);
  return exponent;
}

/** Minor units in one whole currency unit (USD 100, JPY 1). */
export function wholeUnitMinor(currency: string): number {
  return 10 ** minorUnitExponent(currency);
}

/** A valid money amount: a positive safe integer no larger than MAX_AMOUNT_MINOR. */
export function isMinorAmount(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0 && value <= MAX_AMOUNT_MINOR;
}
