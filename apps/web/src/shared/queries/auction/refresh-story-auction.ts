import type { QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Auction, AuctionSummary } from '../../api/types';
import { serverClock } from '../../time/server-clock';
import { patchStoryEverywhere } from '../feed/patch-story-everywhere';
import { queryKeys } from '../keys';

/** The summary a story (and its feed card) carries of an auction. */
export function summaryOf(auction: Auction): AuctionSummary {
  return {
    auctionId: auction.id,
    state: auction.status,
    highBidMinor: auction.highBidMinor,
    currency: auction.currency,
    reserveMet: auction.reserveMet,
    endsAt: auction.endsAt,
    minNextBidMinor: auction.minNextBidMinor,
  };
}

/**
 * Fetches a story's current auction alone (not the whole story, whose video URLs are signed anew
 * on each read) and puts it where the screens read it: the auction's own cache, and the summary on
 * the story and its feed cards. Used when an auction opens on a story being watched. When the
 * server has none to give, the story is fetched again instead.
 */
export async function refreshStoryAuction(queryClient: QueryClient, storyId: string): Promise<void> {
  try {
    const requestedAt = Date.now();
    const auction = await unwrap(api.GET('/v1/stories/{id}/auction', { params: { path: { id: storyId } } }));
    serverClock.sample(auction.serverTime, Date.now(), requestedAt);
    queryClient.setQueryData(queryKeys.auction(auction.id), auction);
    patchStoryEverywhere(queryClient, storyId, { auction: summaryOf(auction) });
  } catch {
    await queryClient.invalidateQueries({ queryKey: queryKeys.story(storyId) });
  }
}
