/**
 * The payment window and what follows it: paid, expired (with a non-payment strike), a second
 * chance for the next-highest bidder, or cancellation for a relist.
 */
import {
  addSeconds,
  DEFAULT_AUCTION_RULES_CONFIG,
  visibleBids,
  type AuctionRulesConfig,
  type AuctionState,
  type WinnerSource,
} from './auction-state';
import {
  unchanged,
  type AuctionEvent,
  type AuctionRuleResult,
  type AuctionTransition,
  type PaymentWindowReason,
} from './auction-events';
import { refuse } from './refusals';

const REASON_BY_SOURCE: Record<WinnerSource, PaymentWindowReason> = {
  auction: 'won',
  maker_accepted: 'maker_accepted',
  second_chance: 'second_chance',
};

/** Moves the auction to `awaiting_payment` for `winnerId` at `amountMinor` (used by every path to a winner). */
export function openPaymentWindow(
  state: AuctionState,
  winner: { winnerId: string; amountMinor: number; source: WinnerSource },
  now: Date,
  config: AuctionRulesConfig,
): AuctionTransition {
  const paymentDueAt = addSeconds(now, config.paymentWindowSeconds);
  const next: AuctionState = {
    ...state,
    status: 'awaiting_payment',
    winnerId: winner.winnerId,
    winningAmountMinor: winner.amountMinor,
    winnerSource: winner.source,
    paymentDueAt,
    makerDecisionDeadline: null,
  };
  const event: AuctionEvent = {
    auctionId: state.id,
    at: now,
    type: 'payment_window_opened',
    reason: REASON_BY_SOURCE[winner.source],
    winnerId: winner.winnerId,
    amountMinor: winner.amountMinor,
    currency: state.currency,
    expiresAt: paymentDueAt,
  };
  return { ok: true, state: next, events: [event] };
}

/** Records a successful payment (a repeat is a no-op). */
export function markPaid(state: AuctionState, now: Date): AuctionRuleResult {
  if (state.status === 'paid') return unchanged(state);
  if (state.status === 'payment_expired') return refuse('payment_window_closed', 'The payment window has closed');
  if (state.status !== 'awaiting_payment' || state.winnerId === null || state.winningAmountMinor === null) {
    return refuse('auction_closed', 'This auction is not waiting for a payment', { status: state.status });
  }
  return {
    ok: true,
    state: { ...state, status: 'paid' },
    events: [
      { auctionId: state.id, at: now, type: 'paid', winnerId: state.winnerId, amountMinor: state.winningAmountMinor },
    ],
  };
}

/** Closes an unpaid window once it is over; the winner gets a non-payment strike. */
export function expirePayment(state: AuctionState, now: Date): AuctionRuleResult {
  if (state.status === 'payment_expired') return unchanged(state);
  if (state.status !== 'awaiting_payment' || state.winnerId === null || state.paymentDueAt === null) {
    return refuse('auction_closed', 'This auction is not waiting for a payment', { status: state.status });
  }
  if (now.getTime() < state.paymentDueAt.getTime()) {
    return refuse('payment_window_open', 'The payment window is still open', { paymentDueAt: state.paymentDueAt });
  }
  const winnerId = state.winnerId;
  const base = { auctionId: state.id, at: now };
  return {
    ok: true,
    state: {
      ...state,
      status: 'payment_expired',
      winnerId: null,
      winningAmountMinor: null,
      winnerSource: null,
      failedWinnerIds: [...state.failedWinnerIds, winnerId],
    },
    events: [
      { ...base, type: 'payment_expired', winnerId },
      { ...base, type: 'non_payment_strike', userId: winnerId },
    ],
  };
}

/**
 * Offers the piece to the next-highest distinct bidder at their last (highest shown) bid, with a
 * new payment window. Bidders who already failed to pay, and `excludeBidderIds` (e.g. now blocked
 * or deleted accounts), are skipped.
 */
export function secondChance(
  state: AuctionState,
  now: Date,
  config: AuctionRulesConfig = DEFAULT_AUCTION_RULES_CONFIG,
  excludeBidderIds: readonly string[] = [],
): AuctionRuleResult {
  if (state.status === 'awaiting_payment' && state.winnerSource === 'second_chance') return unchanged(state);
  if (state.status === 'awaiting_payment') return refuse('payment_window_open', 'The winner can still pay');
  if (state.status !== 'payment_expired') {
    return refuse('auction_closed', 'A second chance follows an expired payment window', { status: state.status });
  }
  const skipped = new Set([...state.failedWinnerIds, ...excludeBidderIds, state.makerId]);
  // Highest shown bid per bidder; visible amounts rise with sequence, so ties keep the earlier bid.
  const lastBidByBidder = new Map<string, { amountMinor: number; sequence: number }>();
  for (const bid of visibleBids(state)) {
    if (bid.voided || skipped.has(bid.bidderId)) continue;
    const best = lastBidByBidder.get(bid.bidderId);
    if (best === undefined || bid.amountMinor > best.amountMinor) {
      lastBidByBidder.set(bid.bidderId, { amountMinor: bid.amountMinor, sequence: bid.sequence });
    }
  }
  const ranked = [...lastBidByBidder.entries()].sort(
    ([, a], [, b]) => b.amountMinor - a.amountMinor || a.sequence - b.sequence,
  );
  const next = ranked[0];
  if (next === undefined) return refuse('no_second_chance_bidder', 'No other bidder is left to offer the piece to');
  const [winnerId, { amountMinor }] = next;
  return openPaymentWindow(state, { winnerId, amountMinor, source: 'second_chance' }, now, config);
}

/** Cancels the auction (admin, or the maker relisting after an unpaid window); a repeat is a no-op. */
export function cancelAuction(state: AuctionState, now: Date, reason: string): AuctionRuleResult {
  switch (state.status) {
    case 'cancelled':
      return unchanged(state);
    case 'active':
    case 'ended':
    case 'payment_expired':
      return {
        ok: true,
        state: { ...state, status: 'cancelled', endedAt: state.endedAt ?? now, makerDecisionDeadline: null },
        events: [{ auctionId: state.id, at: now, type: 'cancelled', reason }],
      };
    case 'awaiting_payment':
    case 'paid':
    case 'lapsed':
      // A window in flight belongs to the payments flow; a paid or lapsed auction is history.
      return refuse('auction_closed', 'This auction can no longer be cancelled', { status: state.status });
    default: {
      const _exhaustive: never = state.status;
      return _exhaustive;
    }
  }
}
