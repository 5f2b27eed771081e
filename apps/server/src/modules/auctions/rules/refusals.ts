/**
 * Typed refusals: rules answer "no" with a value, never by throwing, so the HTTP layer alone maps
 * the stable code to a status.
 */

export type RefusalCode =
  // money and input
  | 'invalid_amount'
  | 'unsupported_currency'
  | 'currency_mismatch'
  | 'max_below_amount'
  | 'bid_too_low'
  | 'bid_above_new_buyer_cap'
  | 'bid_id_conflict'
  // who may act
  | 'maker_cannot_bid'
  | 'maker_cannot_offer'
  | 'maker_cannot_buy'
  | 'bidder_blocked'
  | 'already_leading'
  | 'not_offer_owner'
  // auction state and time
  | 'auction_not_active'
  | 'auction_not_started'
  | 'auction_ended'
  | 'auction_not_over'
  | 'auction_closed'
  | 'no_bids'
  | 'decision_window_open'
  | 'decision_window_closed'
  | 'payment_window_open'
  | 'payment_window_closed'
  | 'no_second_chance_bidder'
  | 'bid_not_found'
  | 'bid_not_voidable'
  // offers and buy-now
  | 'story_not_published'
  | 'story_reserved'
  | 'auction_already_started'
  | 'offer_below_minimum'
  | 'offer_already_active'
  | 'offer_id_conflict'
  | 'offer_not_found'
  | 'offer_not_pending'
  | 'offer_not_withdrawable'
  | 'buy_now_unavailable'
  | 'too_many_payment_windows';

export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: string;
  details?: Readonly<Record<string, unknown>>;
}

/** Builds a refusal. */
export function refuse(code: RefusalCode, message: string, details?: Readonly<Record<string, unknown>>): Refusal {
  return details === undefined ? { ok: false, code, message } : { ok: false, code, message, details };
}
