/**
 * The end of an auction: the timer firing, the maker accepting the leading bid (early, or after a
 * reserve-not-met end), and the decision window lapsing. Every transition is idempotent.
 */
import {
  addSeconds,
  DEFAULT_AUCTION_RULES_CONFIG,
  isReserveMet,
  type AuctionRulesConfig,
  type AuctionState,
} from './auction-state';
import { unchanged, type AuctionEvent, type AuctionRuleResult, type EndOutcome } from './auction-events';
import { openPaymentWindow } from './payment-window';
import { refuse } from './refusals';

function endedEvent(state: AuctionState, now: Date, outcome: EndOutcome): AuctionEvent {
  return {
    auctionId: state.id,
    at: now,
    type: 'ended',
    outcome,
    leaderId: state.leaderId,
    highBidMinor: state.highBidMinor,
  };
}

/**
 * Ends an auction whose time is up: reserve met (or none) → the leader wins and the payment window
 * opens; reserve not met → `ended` with a maker decision window; no bids → `ended` without a winner.
 * Ending an auction that is no longer active is a no-op.
 */
export function endAuction(
  state: AuctionState,
  now: Date,
  config: AuctionRulesConfig = DEFAULT_AUCTION_RULES_CONFIG,
): AuctionRuleResult {
  switch (state.status) {
    case 'active':
      break;
    case 'ended':
    case 'awaiting_payment':
    case 'paid':
    case 'cancelled':
    case 'lapsed':
    case 'payment_expired':
      return unchanged(state);
    default: {
      const _exhaustive: never = state.status;
      return _exhaustive;
    }
  }
  if (now.getTime() < state.endsAt.getTime()) {
    // The timer may fire early on another process whose job was armed before an extension.
    return refuse('auction_not_over', 'This auction has not reached its end yet', { endsAt: state.endsAt });
  }
  const ended: AuctionState = { ...state, status: 'ended', endedAt: now };
  if (state.leaderId === null || state.highBidMinor === null) {
    return { ok: true, state: ended, events: [endedEvent(state, now, 'no_bids')] };
  }
  if (isReserveMet(state)) {
    const opened = openPaymentWindow(
      ended,
      { winnerId: state.leaderId, amountMinor: state.highBidMinor, source: 'auction' },
      now,
      config,
    );
    return { ok: true, state: opened.state, events: [endedEvent(state, now, 'sold'), ...opened.events] };
  }
  return {
    ok: true,
    // The window runs from when the end was processed, so downtime never eats the maker's time.
    state: { ...ended, makerDecisionDeadline: addSeconds(now, config.makerDecisionSeconds) },
    events: [endedEvent(state, now, 'reserve_not_met')],
  };
}

/**
 * The maker accepts the current leading bid: while active it ends the auction at once (reserve or
 * not); after a reserve-not-met end, only within the decision window. Authorisation (that the
 * caller is the maker) is the service's job.
 */
export function acceptLeadingBid(
  state: AuctionState,
  now: Date,
  config: AuctionRulesConfig = DEFAULT_AUCTION_RULES_CONFIG,
): AuctionRuleResult {
  switch (state.status) {
    case 'active': {
      if (state.leaderId === null || state.highBidMinor === null) return refuse('no_bids', 'There is no bid to accept');
      if (now.getTime() >= state.endsAt.getTime()) {
        // Time is already up but the timer has not fired: end it properly first, then accept if still open.
        const ended = endAuction(state, now, config);
        if (!ended.ok || ended.state.status !== 'ended') return ended;
        const accepted = acceptLeadingBid(ended.state, now, config);
        return accepted.ok
          ? { ok: true, state: accepted.state, events: [...ended.events, ...accepted.events] }
          : accepted;
      }
      const ended: AuctionState = { ...state, status: 'ended', endedAt: now };
      const opened = openPaymentWindow(
        ended,
        { winnerId: state.leaderId, amountMinor: state.highBidMinor, source: 'maker_accepted' },
        now,
        config,
      );
      return { ok: true, state: opened.state, events: [endedEvent(state, now, 'accepted_early'), ...opened.events] };
    }
    case 'ended': {
      if (state.leaderId === null || state.highBidMinor === null) return refuse('no_bids', 'There is no bid to accept');
      if (state.makerDecisionDeadline === null || now.getTime() >= state.makerDecisionDeadline.getTime()) {
        return refuse('decision_window_closed', 'The time to accept the leading bid has passed');
      }
      return openPaymentWindow(
        state,
        { winnerId: state.leaderId, amountMinor: state.highBidMinor, source: 'maker_accepted' },
        now,
        config,
      );
    }
    case 'awaiting_payment':
    case 'paid':
      return unchanged(state);
    case 'lapsed':
      return refuse('decision_window_closed', 'The time to accept the leading bid has passed');
    case 'cancelled':
    case 'payment_expired':
      return refuse('auction_closed', 'This auction has no leading bid to accept', { status: state.status });
    default: {
      const _exhaustive: never = state.status;
      return _exhaustive;
    }
  }
}

/** Lets a reserve-not-met auction lapse once the maker's decision window is over (a repeat is a no-op). */
export function lapse(state: AuctionState, now: Date): AuctionRuleResult {
  switch (state.status) {
    case 'lapsed':
      return unchanged(state);
    case 'ended': {
      if (state.makerDecisionDeadline === null)
        return refuse('no_bids', 'An auction without bids has nothing to lapse');
      if (now.getTime() < state.makerDecisionDeadline.getTime()) {
        return refuse('decision_window_open', 'The maker can still accept the leading bid', {
          makerDecisionDeadline: state.makerDecisionDeadline,
        });
      }
      return {
        ok: true,
        state: { ...state, status: 'lapsed' },
        events: [
          { auctionId: state.id, at: now, type: 'lapsed', leaderId: state.leaderId, highBidMinor: state.highBidMinor },
        ],
      };
    }
    case 'active':
      return refuse('auction_not_over', 'This auction has not ended', { endsAt: state.endsAt });
    case 'awaiting_payment':
    case 'paid':
    case 'cancelled':
    case 'payment_expired':
      return refuse('auction_closed', 'Only an auction waiting for the maker can lapse', { status: state.status });
    default: {
      const _exhaustive: never = state.status;
      return _exhaustive;
    }
  }
}
