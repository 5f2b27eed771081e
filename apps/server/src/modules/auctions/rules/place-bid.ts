/**
 * Placing a bid: who may bid, how much, and what happens to the lead, the price and the end.
 */
import {
  addSeconds,
  DEFAULT_AUCTION_RULES_CONFIG,
  incrementRuleOf,
  isBlockedForNonPayment,
  isReserveMet,
  maximumOf,
  nextBidMinimum,
  type AuctionBid,
  type AuctionRulesConfig,
  type AuctionState,
} from './auction-state';
import { unchanged, type AuctionEvent, type AuctionRuleResult } from './auction-events';
import { applyBidRequest, type BookOutcome } from './bid-book';
import { isMinorAmount } from '@vw/domain';
import { checkNewBuyerCap } from './new-buyer-limits';
import { refuse, type Refusal } from './refusals';

export interface PlaceBidInput {
  /** Caller-chosen id (the repository's primary key); repeating it with the same body is a no-op. */
  bidId: string;
  bidderId: string;
  /** The amount to show now. */
  amountMinor: number;
  /** Up to where the system may bid for this bidder (default: `amountMinor`, i.e. no proxy). */
  maxAmountMinor?: number;
  /** The bidder's non-payment strikes, looked up by the caller. */
  bidderStrikes?: number;
  /** True when the bidder has never paid for a purchase (their maximum is then capped). */
  bidderIsNewBuyer?: boolean;
}

/**
 * Places a bid (or, from the leader, raises their maximum). Returns the new state and the events
 * it produced, or a refusal with a stable code.
 */
export function placeBid(
  state: AuctionState,
  input: PlaceBidInput,
  now: Date,
  config: AuctionRulesConfig = DEFAULT_AUCTION_RULES_CONFIG,
): AuctionRuleResult {
  const maxAmountMinor = input.maxAmountMinor ?? input.amountMinor;
  const refusal = checkBid(state, input, maxAmountMinor, now, config);
  if (refusal !== null) return refusal;

  const existing = state.bids.find((bid) => bid.id === input.bidId);
  if (existing !== undefined) return unchanged(state); // checkBid let it through only as an exact repeat

  const outcome = applyBidRequest(
    state,
    {
      bidderId: input.bidderId,
      amountMinor: input.amountMinor,
      maxAmountMinor,
      at: now,
      sequence: state.lastSequence + 1,
    },
    { currency: state.currency, reserveMinor: state.reserveMinor, increment: incrementRuleOf(config) },
  );
  return recordOutcome(state, input, maxAmountMinor, outcome, now, config);
}

function checkBid(
  state: AuctionState,
  input: PlaceBidInput,
  maxAmountMinor: number,
  now: Date,
  config: AuctionRulesConfig,
): Refusal | null {
  if (!isMinorAmount(input.amountMinor) || !isMinorAmount(maxAmountMinor)) {
    return refuse('invalid_amount', 'Amounts are positive whole numbers of minor units');
  }
  const existing = state.bids.find((bid) => bid.id === input.bidId);
  if (existing !== undefined) {
    const sameBody =
      existing.requestId === existing.id &&
      existing.bidderId === input.bidderId &&
      existing.amountMinor === input.amountMinor &&
      existing.maxAmountMinor === maxAmountMinor;
    // Checked before time and status so a retry after the end still gets its first answer.
    return sameBody ? null : refuse('bid_id_conflict', 'This bid id was already used for a different bid');
  }
  if (state.status === 'cancelled')
    return refuse('auction_not_active', 'This auction is not taking bids', { status: state.status });
  // Once the end has been processed the bidder hears the same "ended" as in the moment before it was.
  if (state.status !== 'active') return refuse('auction_ended', 'This auction has ended', { status: state.status });
  if (now.getTime() < state.startsAt.getTime())
    return refuse('auction_not_started', 'This auction has not started yet');
  if (now.getTime() >= state.endsAt.getTime())
    return refuse('auction_ended', 'This auction has ended', { endsAt: state.endsAt });
  if (input.bidderId === state.makerId) return refuse('maker_cannot_bid', 'Makers cannot bid on their own story');
  if (isBlockedForNonPayment(input.bidderStrikes ?? 0, config)) {
    return refuse('bidder_blocked', 'Bidding is blocked after repeated non-payment');
  }
  if (maxAmountMinor < input.amountMinor)
    return refuse('max_below_amount', 'The maximum cannot be below the bid amount');
  // The maximum bounds both what is shown now and what the system may bid later.
  const capped = checkNewBuyerCap(
    maxAmountMinor,
    state.highBidMinor ?? state.openingMinimumMinor,
    state.currency,
    input.bidderIsNewBuyer ?? false,
    config,
  );
  if (capped !== null) return capped;

  const standing = state.leaderId === input.bidderId ? maximumOf(state.maxima, input.bidderId) : undefined;
  if (standing !== undefined) {
    // The leader never bids against themselves; the only thing they can do is raise their maximum.
    if (maxAmountMinor <= standing.maxAmountMinor) {
      return refuse('already_leading', 'You are already the leading bidder; only a higher maximum can be set', {
        maxAmountMinor: standing.maxAmountMinor,
      });
    }
    return null;
  }
  const minNextBidMinor = nextBidMinimum(state, config);
  if (input.amountMinor < minNextBidMinor) {
    return refuse('bid_too_low', 'The bid is below the minimum next bid', { minNextBidMinor });
  }
  return null;
}

function recordOutcome(
  state: AuctionState,
  input: PlaceBidInput,
  maxAmountMinor: number,
  outcome: BookOutcome,
  now: Date,
  config: AuctionRulesConfig,
): AuctionRuleResult {
  const { book } = outcome;
  if (outcome.effect === 'ignored' || book.leaderId === null || book.highBidMinor === null) {
    // checkBid refuses everything that could lead here; keep the state untouched if it ever does.
    return unchanged(state);
  }
  const leaderId = book.leaderId;
  const highBidMinor = book.highBidMinor;
  const request: AuctionBid = {
    id: input.bidId,
    bidderId: input.bidderId,
    amountMinor: input.amountMinor,
    maxAmountMinor,
    createdAt: now,
    sequence: state.lastSequence + 1,
    kind: outcome.effect === 'raise' ? 'max_raise' : 'bid',
    requestId: input.bidId,
    voided: false,
    voidReason: null,
  };
  const systemBids: AuctionBid[] = outcome.shown
    .filter((shown) => !shown.own)
    .map((shown, index) => ({
      id: `${input.bidId}:p${index + 1}`,
      bidderId: shown.bidderId,
      amountMinor: shown.amountMinor,
      maxAmountMinor: maximumOf(book.maxima, shown.bidderId)?.maxAmountMinor ?? shown.amountMinor,
      createdAt: now,
      sequence: request.sequence + index + 1,
      kind: 'proxy',
      requestId: input.bidId,
      voided: false,
      voidReason: null,
    }));
  const recorded = [request, ...systemBids];

  // Soft close: any bid shown in the last minutes moves the end to that long after it. A private
  // max raise shows nothing, so it neither extends nor gives away that anything happened.
  const softCloseEnd = addSeconds(now, config.softCloseSeconds);
  const isExtension = outcome.shown.length > 0 && softCloseEnd.getTime() > state.endsAt.getTime();
  const endsAt = isExtension ? softCloseEnd : state.endsAt;

  const next: AuctionState = {
    ...state,
    bids: [...state.bids, ...recorded],
    maxima: [...book.maxima],
    leaderId,
    highBidMinor,
    lastSequence: state.lastSequence + recorded.length,
    endsAt,
  };
  const reserveMet = isReserveMet(next);
  const base = { auctionId: state.id, at: now };
  const events: AuctionEvent[] = [];
  if (outcome.effect === 'raise')
    events.push({ ...base, type: 'max_raised', bidderId: input.bidderId, maxAmountMinor });
  for (const bid of recorded) {
    if (bid.kind === 'max_raise') continue;
    events.push({
      ...base,
      type: bid.kind === 'proxy' ? 'proxy_bid_placed' : 'bid_placed',
      bidId: bid.id,
      bidderId: bid.bidderId,
      amountMinor: bid.amountMinor,
      leaderId,
      highBidMinor,
      endsAt,
      reserveMet,
    });
  }
  if (reserveMet && !isReserveMet(state)) events.push({ ...base, type: 'reserve_met', highBidMinor });
  if (isExtension) events.push({ ...base, type: 'extended', previousEndsAt: state.endsAt, endsAt });
  if (state.leaderId !== null && state.leaderId !== leaderId) {
    events.push({ ...base, type: 'outbid', bidderId: state.leaderId, leaderId, highBidMinor });
  }
  return { ok: true, state: next, events };
}
