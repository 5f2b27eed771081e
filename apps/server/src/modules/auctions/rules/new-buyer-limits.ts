/**
 * Limits on accounts that have never paid for a purchase: what they may bid or offer, and how
 * many pieces they may hold in open payment windows at once. An account with no payment method
 * on file costs nothing to create, so without these one could bid any amount (and win without
 * paying) or hold every buy-now story for a whole payment window.
 */
import type { AuctionRulesConfig } from './auction-state';
import { formatMoney } from '@vw/domain';
import { refuse, type Refusal } from './refusals';

/**
 * Refuses an amount (a bid's maximum, or an offer) above `newBuyerCapMultiple` × `priceMinor`
 * from an account without a paid purchase; null when it may go ahead.
 */
export function checkNewBuyerCap(
  amountMinor: number,
  priceMinor: number,
  currency: string,
  isNewBuyer: boolean,
  config: AuctionRulesConfig,
): Refusal | null {
  const multiple = config.newBuyerCapMultiple;
  if (!isNewBuyer || multiple === undefined) return null;
  const capMinor = priceMinor * multiple;
  if (amountMinor <= capMinor) return null;
  const cap = formatMoney(capMinor, currency);
  return refuse(
    'bid_above_new_buyer_cap',
    `Until your first purchase is paid, you can bid or offer at most ${cap} here (${multiple} × the current price).`,
    { capMinor, currency, multiple },
  );
}

/** Refuses a new payment window to a buyer who already has the most open ones allowed. */
export function checkOpenWindows(openWindows: number, config: AuctionRulesConfig): Refusal | null {
  const max = config.maxOpenPaymentWindowsPerBuyer;
  if (max === undefined || openWindows < max) return null;
  return refuse(
    'too_many_payment_windows',
    `You already have ${openWindows} pieces waiting for payment; pay for one (or let it lapse) before buying another.`,
    { maxOpenWindows: max },
  );
}
