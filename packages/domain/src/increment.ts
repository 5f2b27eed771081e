import { MAX_AMOUNT_MINOR, wholeUnitMinor } from './currencies';

/**
 * Shape of an increment rule: the least amount the next visible bid may show, given the current
 * high bid. Every rule must answer more than `highBidMinor` and never less for a larger high bid;
 * proxy bidding relies on both.
 */
export type IncrementRule = (highBidMinor: number, currency: string) => number;

/**
 * The seeds' rule: the high bid × 1.01 rounded UP to a whole currency unit, plus 5 whole units
 * (USD 100.00 → 106.00, i.e. 10000 → 10600; JPY 1000 → 1015). The server enforces it; the web
 * app shows it as the minimum next bid until the server's own figure arrives.
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
