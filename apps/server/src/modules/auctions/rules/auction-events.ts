/**
 * Events a transition produces, in order, for the append-only auction event log. The log is
 * internal: the realtime layer decides what to broadcast (never `max_raised`, which holds a private
 * maximum, and `outbid`/`non_payment_strike` only to the user concerned).
 */
import type { AuctionState } from './auction-state';
import type { Refusal } from './refusals';

interface EventBase {
  auctionId: string;
  at: Date;
}

export type EndOutcome = 'sold' | 'reserve_not_met' | 'no_bids' | 'accepted_early';
export type PaymentWindowReason = 'won' | 'maker_accepted' | 'second_chance';

export type AuctionEvent =
  | (EventBase & {
      type: 'auction_started';
      storyId: string;
      openingBidId: string;
      bidderId: string;
      amountMinor: number;
      currency: string;
      endsAt: Date;
    })
  | (EventBase & {
      /** `bid_placed` for a bidder's own bid, `proxy_bid_placed` for one the system placed for them. */
      type: 'bid_placed' | 'proxy_bid_placed';
      bidId: string;
      bidderId: string;
      amountMinor: number;
      /** Leader, high bid and end once the whole request has been applied. */
      leaderId: string;
      highBidMinor: number;
      endsAt: Date;
      reserveMet: boolean;
    })
  | (EventBase & { type: 'max_raised'; bidderId: string; maxAmountMinor: number })
  | (EventBase & { type: 'outbid'; bidderId: string; leaderId: string; highBidMinor: number })
  | (EventBase & { type: 'extended'; previousEndsAt: Date; endsAt: Date })
  | (EventBase & { type: 'reserve_met'; highBidMinor: number })
  | (EventBase & { type: 'ended'; outcome: EndOutcome; leaderId: string | null; highBidMinor: number | null })
  | (EventBase & {
      type: 'payment_window_opened';
      reason: PaymentWindowReason;
      winnerId: string;
      amountMinor: number;
      currency: string;
      expiresAt: Date;
    })
  | (EventBase & { type: 'lapsed'; leaderId: string | null; highBidMinor: number | null })
  | (EventBase & {
      type: 'bid_voided';
      bidId: string;
      bidderId: string;
      previousLeaderId: string | null;
      leaderId: string | null;
      highBidMinor: number | null;
      reserveMet: boolean;
    })
  | (EventBase & { type: 'payment_expired'; winnerId: string })
  | (EventBase & { type: 'non_payment_strike'; userId: string })
  | (EventBase & { type: 'paid'; winnerId: string; amountMinor: number })
  | (EventBase & { type: 'cancelled'; reason: string });

export type AuctionEventType = AuctionEvent['type'];

/** A transition that happened (or was already done: then `events` is empty and `state` unchanged). */
export interface AuctionTransition {
  ok: true;
  state: AuctionState;
  events: AuctionEvent[];
}

export type AuctionRuleResult = AuctionTransition | Refusal;

/** The answer to repeating a transition that already happened. */
export function unchanged(state: AuctionState): AuctionTransition {
  return { ok: true, state, events: [] };
}
