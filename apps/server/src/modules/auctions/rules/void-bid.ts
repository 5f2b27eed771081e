/**
 * Voiding a bid (admin, for fraud). The lead, the high bid and the maximums are recomputed as if the
 * voided request had never been made: every remaining request is replayed, in its original order,
 * through the same proxy rules as live bidding. Shown history is kept, not rewritten: bids that no
 * longer stand are flagged voided, and if the recomputed price is above what is left on show, one
 * system bid for the leader at that price is appended so the list still ends at the high bid.
 */
import {
  DEFAULT_AUCTION_RULES_CONFIG,
  incrementRuleOf,
  isReserveMet,
  maximumOf,
  type AuctionBid,
  type AuctionRulesConfig,
  type AuctionState,
} from './auction-state';
import { unchanged, type AuctionEvent, type AuctionRuleResult } from './auction-events';
import { applyBidRequest, EMPTY_BOOK, type BidBook } from './bid-book';
import { refuse } from './refusals';

/** Lead, high bid and maximums recomputed from the auction's standing (non-voided) requests. */
export function recomputeBook(
  state: AuctionState,
  config: AuctionRulesConfig = DEFAULT_AUCTION_RULES_CONFIG,
  skipRequestIds: ReadonlySet<string> = new Set(),
): BidBook {
  const rules = { currency: state.currency, reserveMinor: state.reserveMinor, increment: incrementRuleOf(config) };
  const requests = state.bids
    .filter((bid) => bid.kind !== 'proxy' && !bid.voided && !skipRequestIds.has(bid.id))
    .sort((a, b) => a.sequence - b.sequence);
  let book: BidBook = EMPTY_BOOK;
  for (const bid of requests) {
    const request = {
      bidderId: bid.bidderId,
      amountMinor: bid.amountMinor,
      maxAmountMinor: bid.maxAmountMinor,
      at: bid.createdAt,
      sequence: bid.sequence,
    };
    book = applyBidRequest(book, request, rules).book;
  }
  return book;
}

/** Voids a bidder's bid (or max raise) and recomputes the lead; voiding a voided bid is a no-op. */
export function voidBid(
  state: AuctionState,
  bidId: string,
  now: Date,
  config: AuctionRulesConfig = DEFAULT_AUCTION_RULES_CONFIG,
): AuctionRuleResult {
  const target = state.bids.find((bid) => bid.id === bidId);
  if (target === undefined) return refuse('bid_not_found', 'No such bid on this auction');
  if (target.voided) return unchanged(state);
  if (target.kind === 'proxy') {
    // A proxy bid is the system's answer, not anyone's act; void the request that caused it.
    return refuse('bid_not_voidable', 'System proxy bids cannot be voided; void the bid that caused it', {
      requestId: target.requestId,
    });
  }
  if (state.status !== 'active' && state.status !== 'ended') {
    return refuse('auction_closed', 'Bids can only be voided before a winner is chosen', { status: state.status });
  }

  const book = recomputeBook(state, config, new Set([target.id]));
  const bids = state.bids.map((bid): AuctionBid => {
    if (bid.voided) return bid;
    if (bid.id === target.id || (bid.kind === 'proxy' && bid.requestId === target.id))
      return { ...bid, voided: true, voidReason: 'fraud' };
    const placedOnVoidedMaximum =
      bid.kind === 'proxy' && bid.bidderId === target.bidderId && bid.sequence > target.sequence;
    const aboveNewPrice =
      bid.kind !== 'max_raise' && (book.highBidMinor === null || bid.amountMinor > book.highBidMinor);
    return placedOnVoidedMaximum || aboveNewPrice ? { ...bid, voided: true, voidReason: 'superseded' } : bid;
  });

  let lastSequence = state.lastSequence;
  const appended: AuctionBid[] = [];
  const topShown = bids.filter((bid) => bid.kind !== 'max_raise' && !bid.voided).at(-1);
  if (
    book.leaderId !== null &&
    book.highBidMinor !== null &&
    (topShown === undefined || topShown.amountMinor < book.highBidMinor)
  ) {
    lastSequence += 1;
    appended.push({
      id: `${target.id}:recomputed`,
      bidderId: book.leaderId,
      amountMinor: book.highBidMinor,
      maxAmountMinor: maximumOf(book.maxima, book.leaderId)?.maxAmountMinor ?? book.highBidMinor,
      createdAt: now,
      sequence: lastSequence,
      kind: 'proxy',
      requestId: target.id,
      voided: false,
      voidReason: null,
    });
  }

  const next: AuctionState = {
    ...state,
    bids: [...bids, ...appended],
    maxima: [...book.maxima],
    leaderId: book.leaderId,
    highBidMinor: book.highBidMinor,
    lastSequence,
  };
  const base = { auctionId: state.id, at: now };
  const reserveMet = isReserveMet(next);
  const events: AuctionEvent[] = [
    {
      ...base,
      type: 'bid_voided',
      bidId: target.id,
      bidderId: target.bidderId,
      previousLeaderId: state.leaderId,
      leaderId: book.leaderId,
      highBidMinor: book.highBidMinor,
      reserveMet,
    },
  ];
  for (const bid of appended) {
    events.push({
      ...base,
      type: 'proxy_bid_placed',
      bidId: bid.id,
      bidderId: bid.bidderId,
      amountMinor: bid.amountMinor,
      leaderId: bid.bidderId,
      highBidMinor: bid.amountMinor,
      endsAt: next.endsAt,
      reserveMet,
    });
  }
  return { ok: true, state: next, events };
}
