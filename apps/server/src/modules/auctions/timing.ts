/**
 * Durations from configuration, and the timer offsets derived from them. Reminders and the
 * "ending soon" notice keep their product meaning at the default durations (12 h / 6 h / 2 h before
 * a 24 h payment window; 1 h before a 72 h auction) and scale proportionally when an operator (or a
 * test) configures a shorter window, so a 60-second payment window still gets three reminders in
 * order instead of three immediate ones.
 */
import type { Config } from '../../config';
import type { AuctionRulesConfig } from './rules';

const HOUR = 3600;
const DEFAULT_PAYMENT_WINDOW = 24 * HOUR;
const DEFAULT_AUCTION_DURATION = 72 * HOUR;
export const REMINDER_HOURS_BEFORE = [12, 6, 2] as const;

/** The rule durations and limits this process runs with. */
export function rulesConfigOf(config: Config): AuctionRulesConfig {
  return {
    auctionDurationSeconds: config.AUCTION_DURATION_SECONDS,
    softCloseSeconds: config.SOFT_CLOSE_SECONDS,
    makerDecisionSeconds: config.MAKER_DECISION_SECONDS,
    paymentWindowSeconds: config.PAYMENT_WINDOW_SECONDS,
    newBuyerCapMultiple: config.BID_CAP_MULTIPLE,
    maxOpenPaymentWindowsPerBuyer: config.OPEN_PAYMENT_WINDOWS_PER_BUYER,
  };
}

/** Seconds before a payment window's expiry that a reminder goes out (scaled to short windows). */
export function reminderLeadSeconds(hoursBefore: number, windowSeconds: number): number {
  const scale = Math.min(1, windowSeconds / DEFAULT_PAYMENT_WINDOW);
  return hoursBefore * HOUR * scale;
}

/** Seconds before an auction's end that bidders hear it is ending soon (1 h at 72 h, scaled below). */
export function endingSoonLeadSeconds(auctionDurationSeconds: number): number {
  return HOUR * Math.min(1, auctionDurationSeconds / DEFAULT_AUCTION_DURATION);
}
