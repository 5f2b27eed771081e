/**
 * Reading a story's market for an offer, an offer decision, a buy-now or a relist. Locks are taken
 * in one order everywhere — the story row (stories module), then the market row — so these paths
 * serialise per story and never deadlock with each other or with story edits.
 */
import type { Executor } from '../../../platform/db/client';
import { DomainError } from '../../../platform/errors';
import type { AuctionsDeps, StoryTermsView } from '../deps';
import { loadAuction } from '../repo/auction-repo';
import { lockMarket, pendingOffers } from '../repo/market-repo';
import type { Offer, StoryMarket } from '../rules';
import type { MarketRow } from '../tables';

export interface LockedMarket {
  terms: StoryTermsView;
  row: MarketRow;
  market: StoryMarket;
}

/** The story's terms, read under the story's row lock. */
export async function lockedStoryTerms(deps: AuctionsDeps, tx: Executor, storyId: string): Promise<StoryTermsView> {
  const terms = await deps.stories.lockStoryTerms(tx, storyId);
  if (terms === null) throw new DomainError('story_not_found', 'No such story');
  return terms;
}

export async function lockStoryMarket(
  deps: AuctionsDeps,
  tx: Executor,
  storyId: string,
  extraOffers: readonly Offer[] = [],
): Promise<LockedMarket> {
  const terms = await lockedStoryTerms(deps, tx, storyId);
  const row = await lockMarket(tx, storyId);
  if (row.soldAt !== null) throw new DomainError('story_sold', 'This piece has been sold');
  if (terms.offerPolicy === null) {
    throw new DomainError('story_not_published', 'This story does not take offers yet');
  }
  const auction =
    row.currentAuctionId === null ? null : await loadAuction(tx, row.currentAuctionId, { lock: false, bids: 'none' });
  const pending = await pendingOffers(tx, storyId);
  const offers = [...pending, ...extraOffers.filter((extra) => !pending.some((p) => p.id === extra.id))];
  const market: StoryMarket = {
    story: {
      id: terms.id,
      makerId: terms.makerId,
      status: terms.status,
      offerPolicy: terms.offerPolicy,
      reserveMinor: terms.reserveMinor,
      buyNowMinor: terms.buyNowMinor,
    },
    auction: auction?.state ?? null,
    offers,
    reservedUntil: row.reservedWindowId === null ? null : row.reservedUntil,
  };
  return { terms, row, market };
}
