/**
 * The maker's decisions on their auction: accept the leading bid (early, or within the decision
 * window after "reserve not met"), offer the piece to the next bidder after an unpaid window, or
 * relist. Accepting a buyer commits the maker to sell, so it needs their second factor enrolled.
 */
import { DomainError } from '../../../platform/errors';
import type { AuctionsDeps } from '../deps';
import { publishLiveAfterCommit } from '../effects/apply-effects';
import { cancelAuctionTimers } from '../effects/timers';
import { biddersOf, loadAuction, type LoadedAuction } from '../repo/auction-repo';
import { lockMarket, updateMarket } from '../repo/market-repo';
import { strikeCounts } from '../repo/payment-repo';
import {
  acceptLeadingBid as acceptLeadingBidRule,
  cancelAuction,
  isBlockedForNonPayment,
  secondChance as secondChanceRule,
  unchanged,
  type AuctionRuleResult,
} from '../rules';
import { auctionAnswer, type AuctionAnswer } from './read-auction';
import { lockedStoryTerms } from './story-market';
import { transitionAuction, type Rule } from './transition';

function asMaker(callerId: string, rule: Rule): Rule {
  return (loaded: LoadedAuction, now: Date) => {
    if (loaded.state.makerId !== callerId) throw new DomainError('not_auction_maker', 'Only the maker can do this');
    return rule(loaded, now);
  };
}

/** The caller must be the auction's maker and have a second factor enrolled (checked in that order). */
async function requireMakerWithTotp(deps: AuctionsDeps, auctionId: string, userId: string): Promise<void> {
  const loaded = await loadAuction(deps.db, auctionId, { lock: false, bids: 'none' });
  if (loaded === null) throw new DomainError('auction_not_found', 'No such auction');
  if (loaded.state.makerId !== userId) throw new DomainError('not_auction_maker', 'Only the maker can do this');
  if (!(await deps.identity.hasTotp(userId))) {
    throw new DomainError('totp_required', 'Turn on two-factor authentication before accepting a buyer');
  }
}

async function run(deps: AuctionsDeps, auctionId: string, callerId: string, rule: Rule): Promise<AuctionAnswer> {
  return deps.db.transaction(async (tx) => {
    const outcome = await transitionAuction(deps, tx, auctionId, 'none', asMaker(callerId, rule));
    publishLiveAfterCommit(deps, tx, outcome.live);
    return auctionAnswer(deps, tx, outcome.state, outcome.row, callerId);
  });
}

/** The maker accepts the current leading bid. */
export async function acceptLeadingBid(
  deps: AuctionsDeps,
  input: { auctionId: string; callerId: string },
): Promise<AuctionAnswer> {
  await requireMakerWithTotp(deps, input.auctionId, input.callerId);
  return run(deps, input.auctionId, input.callerId, ({ state }, now) => acceptLeadingBidRule(state, now, deps.rules));
}

/** After an unpaid window: the next-highest bidder (not blocked for non-payment) gets a window at their last bid. */
export async function offerSecondChance(
  deps: AuctionsDeps,
  input: { auctionId: string; callerId: string },
): Promise<AuctionAnswer> {
  await requireMakerWithTotp(deps, input.auctionId, input.callerId);
  return deps.db.transaction(async (tx) => {
    const bidderIds = await biddersOf(tx, input.auctionId);
    const counts = await strikeCounts(tx, bidderIds);
    const blocked = bidderIds.filter((id) => isBlockedForNonPayment(counts.get(id) ?? 0, deps.rules));
    const outcome = await transitionAuction(
      deps,
      tx,
      input.auctionId,
      'all',
      asMaker(input.callerId, ({ state }, now) => secondChanceRule(state, now, deps.rules, blocked)),
    );
    publishLiveAfterCommit(deps, tx, outcome.live);
    return auctionAnswer(deps, tx, outcome.state, outcome.row, input.callerId);
  });
}

/**
 * The maker puts the piece back on the market after the auction ended without a paid sale
 * (unpaid window, lapsed decision, or no standing bid): the auction is closed and the story
 * takes offers again.
 */
export async function relist(
  deps: AuctionsDeps,
  input: { auctionId: string; callerId: string },
): Promise<AuctionAnswer> {
  return deps.db.transaction(async (tx) => {
    const peek = await loadAuction(tx, input.auctionId, { lock: false, bids: 'none' });
    if (peek === null) throw new DomainError('auction_not_found', 'No such auction');
    await lockedStoryTerms(deps, tx, peek.state.storyId);
    const market = await lockMarket(tx, peek.state.storyId);
    const outcome = await transitionAuction(
      deps,
      tx,
      input.auctionId,
      'none',
      asMaker(input.callerId, ({ state }, now): AuctionRuleResult => {
        switch (state.status) {
          case 'ended':
          case 'payment_expired':
            return cancelAuction(state, now, 'relisted');
          case 'lapsed':
          case 'cancelled':
            return unchanged(state);
          case 'active':
          case 'awaiting_payment':
          case 'paid':
            return {
              ok: false,
              code: 'auction_closed',
              message: 'Only an auction that ended without a sale can be relisted',
              details: { status: state.status },
            };
          default: {
            const exhaustive: never = state.status;
            return exhaustive;
          }
        }
      }),
    );
    if (market.currentAuctionId === input.auctionId) {
      await updateMarket(tx, outcome.state.storyId, { currentAuctionId: null });
      await cancelAuctionTimers(tx, input.auctionId);
    }
    publishLiveAfterCommit(deps, tx, outcome.live);
    return auctionAnswer(deps, tx, outcome.state, outcome.row, input.callerId);
  });
}
