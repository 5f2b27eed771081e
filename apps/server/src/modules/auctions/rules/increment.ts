/**
 * Money helpers and the one replaceable increment rule. Money is integer minor units in a JS number
 * (always a safe integer); the arithmetic below never goes through floating point.
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

/**
 * Shape of an increment rule: the least amount the next visible bid may show, given the current
 * high bid. Every rule must answer more than `highBidMinor` and never less for a larger high bid;
 * proxy bidding relies on both.
 */
export type IncrementRule = (highBidMinor: number, currency: string) => number;

/**
 * The seeds' rule: the high bid × 1.01 rounded UP to a whole currency unit, plus 5 whole units
 * (USD 100.00 → 106.00, i.e. 10000 → 10600; JPY 1000 → 1015).
 */
export const minNextBid: IncrementRule = (highBidMinor, currency) => {
  if (!Number.isSafeInteger(highBidMinor) || highBidMinor < 0 || highBidMinor > MAX_AMOUNT_MINOR) {
    throw new RangeError(`High bid must be an integer amount of minor units, got ${highBidMinor}`);
  }
  const unit = BigInt(wholeUnitMinor(currency));
  // ×1.01 is ×101/100; BigInt keeps the product exact even near MAX_AMOUNT_MINOR.
  const numerator = BigInt(highBidMinor) * 101n;
  const denominator = 100n * unit;
  const wholeUnitsRoundedUp = (numerator + denominator - 1n) / denominator;
  return Number((wholeUnitsRoundedUp + 5n) * unit);
};
