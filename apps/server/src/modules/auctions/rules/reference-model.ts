/**
 * Test support only (not exported from index): an obviously-correct reference for proxy bidding.
 * It never looks at the bids the system showed; it recomputes the leader and the price from
 * scratch, from the full list of accepted bidder requests, straight from the rule's wording:
 *
 * - each bidder's maximum is the largest they ever gave; it was "set" when first given;
 * - the leader has the largest maximum, the earlier one on a tie;
 * - a request from whoever leads at that moment only raises their maximum (no bid against oneself);
 *   every other request is a challenge;
 * - the price is the largest of: any amount typed in a challenge; at the last challenge, the
 *   runner-up's maximum plus one increment, capped at the leader's maximum; and the hidden
 *   reserve once the leader's maximum reaches it.
 */
import type { IncrementRule } from '@vw/domain';

export interface ModelRequest {
  bidderId: string;
  amountMinor: number;
  maxAmountMinor: number;
}

export interface ModelOutcome {
  leaderId: string | null;
  highBidMinor: number | null;
  maxima: ReadonlyMap<string, number>;
}

interface StandingMax {
  bidderId: string;
  max: number;
  setAt: number;
}

function ranked(maxima: Map<string, StandingMax>): StandingMax[] {
  return [...maxima.values()].sort((a, b) => (a.max !== b.max ? b.max - a.max : a.setAt - b.setAt));
}

/** Leader and high bid after `requests` (in acceptance order). */
export function modelAuction(
  requests: readonly ModelRequest[],
  options: { reserveMinor: number | null; currency: string; increment: IncrementRule },
): ModelOutcome {
  const maxima = new Map<string, StandingMax>();
  let highestTyped = 0;
  let lastContest = 0;
  requests.forEach((request, position) => {
    const leaderBefore = ranked(maxima)[0];
    const own = maxima.get(request.bidderId);
    if (own === undefined || request.maxAmountMinor > own.max) {
      maxima.set(request.bidderId, { bidderId: request.bidderId, max: request.maxAmountMinor, setAt: position });
    }
    if (leaderBefore !== undefined && leaderBefore.bidderId === request.bidderId) return; // a raise, not a bid
    highestTyped = Math.max(highestTyped, request.amountMinor);
    const [first, second] = ranked(maxima);
    if (first !== undefined && second !== undefined)
      lastContest = Math.min(first.max, options.increment(second.max, options.currency));
  });
  const leader = ranked(maxima)[0];
  const plain = new Map([...maxima.values()].map((entry) => [entry.bidderId, entry.max]));
  if (leader === undefined) return { leaderId: null, highBidMinor: null, maxima: plain };
  const reserveLift = options.reserveMinor !== null && leader.max >= options.reserveMinor ? options.reserveMinor : 0;
  return { leaderId: leader.bidderId, highBidMinor: Math.max(highestTyped, lastContest, reserveLift), maxima: plain };
}
