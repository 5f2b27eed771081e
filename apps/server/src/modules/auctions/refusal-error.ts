import { AppError, type ErrorStatus } from '../../platform/errors';
import type { Refusal, RefusalCode } from './rules';

/** The HTTP status of each rule refusal; the code itself travels unchanged. */
export function refusalStatus(code: RefusalCode): ErrorStatus {
  switch (code) {
    case 'invalid_amount':
    case 'unsupported_currency':
    case 'currency_mismatch':
    case 'max_below_amount':
    case 'bid_too_low':
    case 'bid_above_new_buyer_cap':
    case 'offer_below_minimum':
    case 'bid_not_voidable':
      return 422;
    case 'maker_cannot_bid':
    case 'maker_cannot_offer':
    case 'maker_cannot_buy':
    case 'bidder_blocked':
    case 'not_offer_owner':
      return 403;
    case 'bid_not_found':
    case 'offer_not_found':
      return 404;
    case 'bid_id_conflict':
    case 'already_leading':
    case 'auction_not_active':
    case 'auction_not_started':
    case 'auction_ended':
    case 'auction_not_over':
    case 'auction_closed':
    case 'no_bids':
    case 'decision_window_open':
    case 'decision_window_closed':
    case 'payment_window_open':
    case 'payment_window_closed':
    case 'no_second_chance_bidder':
    case 'story_not_published':
    case 'story_reserved':
    case 'auction_already_started':
    case 'offer_already_active':
    case 'offer_id_conflict':
    case 'offer_not_pending':
    case 'offer_not_withdrawable':
    case 'buy_now_unavailable':
    case 'too_many_payment_windows':
      return 409;
    default: {
      const exhaustive: never = code;
      return exhaustive;
    }
  }
}

/** A rule's refusal as the typed error the HTTP layer answers with. */
export function refusalError(refusal: Refusal): AppError {
  return new AppError(refusalStatus(refusal.code), refusal.code, refusal.message, {
    ...(refusal.details === undefined ? {} : { details: refusal.details }),
  });
}
