/**
 * The auction as a plain value: everything the rules need, nothing they do not. A repository loads
 * it from rows and saves what a rule returns; rules never mutate it.
 */
import { minNextBid, type IncrementRule } from '@vw/domain';

export type AuctionStatus =
  'active' | 'ended' | 'awaiting_payment' | 'paid' | 'cancelled' | 'lapsed' | 'payment_expired';

/**
 * `opening`: the offer that started the auction. `bid`: a bidder's own bid, shown at the amount they
 * typed. `proxy`: a bid the system placed for someone up to their maximum. `max_raise`: the leader
 * raising their own maximum — recorded (so a void can replay history) but never shown.
 */
export type BidKind = 'opening' | 'bid' | 'proxy' | 'max_raise';

/** Why a bid stopped counting: `fraud` (an admin voided it or it was the system's answer to it), `superseded` (recomputed away by a void). */
export type VoidReason = 'fraud' | 'superseded';

export interface AuctionBid {
  /** For opening/bid/max_raise, the id the caller gave the request; proxies derive theirs from it. */
  id: string;
  bidderId: string;
  /** The amount shown (opening/bid/proxy); for max_raise, the amount the request carried. */
  amountMinor: number;
  /** The bidder's maximum when this bid was recorded. Private: never sent to other users. */
  maxAmountMinor: number;
  createdAt: Date;
  /** Acceptance order within the auction, 1-based, shared by every kind. */
  sequence: number;
  kind: BidKind;
  /** Id of the bidder request this bid came from (itself, for requests). */
  requestId: string;
  voided: boolean;
  voidReason: VoidReason | null;
}

/** A bidder's current proxy maximum; `setSequence` breaks ties between equal maximums (earlier leads). */
export interface ProxyMaximum {
  bidderId: string;
  maxAmountMinor: number;
  setAt: Date;
  setSequence: number;
}

export type WinnerSource = 'auction' | 'maker_accepted' | 'second_chance';

export interface AuctionState {
  id: string;
  storyId: string;
  makerId: string;
  status: AuctionStatus;
  currency: string;
  /** Hidden reserve; only "met / not met" is ever shown. */
  reserveMinor: number | null;
  /** The least a first bid may be when no bid stands (the story's minimum offer). */
  openingMinimumMinor: number;
  startsAt: Date;
  endsAt: Date;
  /** Every recorded bid, in sequence order, voided ones included (history is kept). */
  bids: AuctionBid[];
  /** One entry per bidder who has a standing (non-voided) maximum. */
  maxima: ProxyMaximum[];
  leaderId: string | null;
  highBidMinor: number | null;
  lastSequence: number;
  endedAt: Date | null;
  /** Set while a reserve-not-met auction waits for the maker to accept or let it lapse. */
  makerDecisionDeadline: Date | null;
  winnerId: string | null;
  winningAmountMinor: number | null;
  winnerSource: WinnerSource | null;
  paymentDueAt: Date | null;
  /** Winners whose payment window expired; a second chance never goes back to them. */
  failedWinnerIds: string[];
}

/** Durations (seconds) and knobs every rule reads; `DEFAULT_AUCTION_RULES_CONFIG` holds the product's values. */
export interface AuctionRulesConfig {
  auctionDurationSeconds: number;
  softCloseSeconds: number;
  makerDecisionSeconds: number;
  paymentWindowSeconds: number;
  /** Non-payment strikes after which a user may no longer bid, offer or buy (default 3). */
  nonPaymentStrikesToBlock?: number;
  /** Replaces the increment rule (default: `minNextBid`). */
  incrementRule?: IncrementRule;
  /** Accounts without a paid purchase bid and offer at most this many times the current price (unset: no cap). */
  newBuyerCapMultiple?: number;
  /** Open payment windows a buyer may hold before buy-now is refused (unset: no limit). */
  maxOpenPaymentWindowsPerBuyer?: number;
}

export const DEFAULT_AUCTION_RULES_CONFIG: Readonly<AuctionRulesConfig> = Object.freeze({
  auctionDurationSeconds: 72 * 3600,
  softCloseSeconds: 600,
  makerDecisionSeconds: 24 * 3600,
  paymentWindowSeconds: 24 * 3600,
});

const DEFAULT_STRIKES_TO_BLOCK = 3;

/** The increment rule in force for this configuration. */
export function incrementRuleOf(config: AuctionRulesConfig): IncrementRule {
  return config.incrementRule ?? minNextBid;
}

/** True when a user with this many non-payment strikes may no longer take part. */
export function isBlockedForNonPayment(strikes: number, config: AuctionRulesConfig): boolean {
  return strikes >= (config.nonPaymentStrikesToBlock ?? DEFAULT_STRIKES_TO_BLOCK);
}

/** The least amount the next bid may carry. */
export function nextBidMinimum(state: AuctionState, config: AuctionRulesConfig): number {
  if (state.highBidMinor === null) return state.openingMinimumMinor;
  return incrementRuleOf(config)(state.highBidMinor, state.currency);
}

/** "Reserve met" as everyone sees it: there is a high bid and it reaches the hidden reserve (or there is none). */
export function isReserveMet(state: Pick<AuctionState, 'highBidMinor' | 'reserveMinor'>): boolean {
  if (state.highBidMinor === null) return false;
  return state.reserveMinor === null || state.highBidMinor >= state.reserveMinor;
}

/** Bids users may see (max raises are private), voided ones included and flagged. */
export function visibleBids(state: AuctionState): AuctionBid[] {
  return state.bids.filter((bid) => bid.kind !== 'max_raise');
}

/** The bidder's standing maximum, if any. */
export function maximumOf(maxima: readonly ProxyMaximum[], bidderId: string): ProxyMaximum | undefined {
  return maxima.find((entry) => entry.bidderId === bidderId);
}

/** What anyone may know about an auction: no reserve amount, no maximums. */
export interface PublicAuctionView {
  id: string;
  storyId: string;
  status: AuctionStatus;
  currency: string;
  highBidMinor: number | null;
  minNextBidMinor: number | null;
  leaderId: string | null;
  reserveMet: boolean;
  hasReserve: boolean;
  startsAt: Date;
  endsAt: Date;
  winnerId: string | null;
  bidCount: number;
}

/** The public summary of an auction (the shape behind `GET /v1/auctions/<id>`). */
export function publicView(state: AuctionState, config: AuctionRulesConfig): PublicAuctionView {
  return {
    id: state.id,
    storyId: state.storyId,
    status: state.status,
    currency: state.currency,
    highBidMinor: state.highBidMinor,
    minNextBidMinor: state.status === 'active' ? nextBidMinimum(state, config) : null,
    leaderId: state.leaderId,
    reserveMet: isReserveMet(state),
    hasReserve: state.reserveMinor !== null,
    startsAt: state.startsAt,
    endsAt: state.endsAt,
    winnerId: state.winnerId,
    bidCount: visibleBids(state).filter((bid) => !bid.voided).length,
  };
}

/** `date` moved by whole seconds, as a new Date. */
export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}
