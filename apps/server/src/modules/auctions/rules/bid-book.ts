/**
 * Proxy bidding itself: how one bidder request moves the maximums, the leader and the high bid, and
 * which bids that shows. Both live bidding (`placeBid`) and recomputation after a void (`voidBid`)
 * go through `applyBidRequest`, so the two can never disagree about the rules.
 *
 * The price rule, stated once:
 * - the leader is the bidder with the largest maximum; between equal maximums, the one set earlier;
 * - when someone challenges, the high bid becomes the largest of: the high bid before, the amount
 *   the challenger typed, and the runner-up's maximum plus one increment capped at the leader's
 *   maximum (`min(leaderMax, increment(runnerUpMax))`, the eBay answer for a gap smaller than an
 *   increment). It is therefore never below the runner-up's maximum nor above the leader's;
 * - the leader raising their own maximum is not a bid against themselves: the price stays;
 * - whenever the leader's maximum reaches the hidden reserve, the high bid is lifted to at least
 *   the reserve (otherwise a bidder willing to pay the reserve could lose the item to "reserve not met").
 */
import { maximumOf, type ProxyMaximum } from './auction-state';
import type { IncrementRule } from '@vw/domain';

/** The part of an auction proxy bidding works on. */
export interface BidBook {
  maxima: readonly ProxyMaximum[];
  leaderId: string | null;
  highBidMinor: number | null;
}

export const EMPTY_BOOK: BidBook = Object.freeze({ maxima: [], leaderId: null, highBidMinor: null });

/** One accepted bidder request: a bid (amount shown now, maximum for the proxy) or a max raise. */
export interface BookRequest {
  bidderId: string;
  amountMinor: number;
  maxAmountMinor: number;
  at: Date;
  sequence: number;
}

export interface BookRules {
  currency: string;
  reserveMinor: number | null;
  increment: IncrementRule;
}

/** A bid the request makes visible, in order; `own` is the bidder's typed bid, the rest are proxies. */
export interface ShownBid {
  bidderId: string;
  amountMinor: number;
  own: boolean;
}

export interface BookOutcome {
  /** `raise`: the leader raised their own maximum; `ignored`: the leader's request raised nothing. */
  effect: 'challenge' | 'raise' | 'ignored';
  book: BidBook;
  /** Strictly rising, every amount above the previous high bid; the last one is the new high bid. */
  shown: ShownBid[];
}

/** Maximums best first: larger maximum, then the earlier one (equal maximums: earlier leads). */
export function rankMaxima(maxima: readonly ProxyMaximum[]): ProxyMaximum[] {
  return [...maxima].sort((a, b) => b.maxAmountMinor - a.maxAmountMinor || a.setSequence - b.setSequence);
}

function withMaximum(maxima: readonly ProxyMaximum[], entry: ProxyMaximum): ProxyMaximum[] {
  return [...maxima.filter((existing) => existing.bidderId !== entry.bidderId), entry];
}

function reserveLift(rules: BookRules, leaderMaxMinor: number): number {
  return rules.reserveMinor !== null && leaderMaxMinor >= rules.reserveMinor ? rules.reserveMinor : 0;
}

/** Applies one request to the book. Validation (time, increments, who may bid) is the caller's job. */
export function applyBidRequest(book: BidBook, request: BookRequest, rules: BookRules): BookOutcome {
  const high = book.highBidMinor ?? 0;
  const standing = book.leaderId === null ? undefined : maximumOf(book.maxima, book.leaderId);
  const entry: ProxyMaximum = {
    bidderId: request.bidderId,
    maxAmountMinor: request.maxAmountMinor,
    setAt: request.at,
    setSequence: request.sequence,
  };

  if (standing !== undefined && standing.bidderId === request.bidderId) {
    if (request.maxAmountMinor <= standing.maxAmountMinor) return { effect: 'ignored', book, shown: [] };
    // Only the reserve can move the price here; the leader never outbids themselves.
    const lifted = Math.max(high, reserveLift(rules, request.maxAmountMinor));
    return {
      effect: 'raise',
      book: { maxima: withMaximum(book.maxima, entry), leaderId: request.bidderId, highBidMinor: lifted },
      shown: lifted > high ? [{ bidderId: request.bidderId, amountMinor: lifted, own: false }] : [],
    };
  }

  const previous = maximumOf(book.maxima, request.bidderId);
  // A maximum only ever grows; keeping the older entry keeps its earlier tie-break position.
  const maxima =
    previous !== undefined && previous.maxAmountMinor >= request.maxAmountMinor
      ? book.maxima
      : withMaximum(book.maxima, entry);
  const [leader, runnerUp] = rankMaxima(maxima);
  if (leader === undefined) throw new Error('unreachable: a challenge always leaves a maximum standing');
  const contest =
    runnerUp === undefined
      ? 0
      : Math.min(leader.maxAmountMinor, rules.increment(runnerUp.maxAmountMinor, rules.currency));
  const newHigh = Math.max(high, request.amountMinor, contest, reserveLift(rules, leader.maxAmountMinor));

  const shown: ShownBid[] = [{ bidderId: request.bidderId, amountMinor: request.amountMinor, own: true }];
  const show = (bidderId: string, amountMinor: number): void => {
    const last = shown[shown.length - 1];
    if (last !== undefined && amountMinor > last.amountMinor) shown.push({ bidderId, amountMinor, own: false });
  };
  if (leader.bidderId === request.bidderId) {
    // The outbid leader's proxy defended up to their maximum before giving way.
    if (standing !== undefined) show(standing.bidderId, standing.maxAmountMinor);
    show(request.bidderId, newHigh);
  } else {
    // The challenger's proxy went all the way to their maximum, and the leader's proxy answered.
    show(request.bidderId, request.maxAmountMinor);
    show(leader.bidderId, newHigh);
  }
  return { effect: 'challenge', book: { maxima, leaderId: leader.bidderId, highBidMinor: newHigh }, shown };
}
