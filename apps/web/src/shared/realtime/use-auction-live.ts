import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Auction, AuctionStatus, AuctionSummary, Story } from '../api/types';
import type { FeedData } from '../queries/feed/use-feed-query';
import { patchStoryEverywhere } from '../queries/feed/patch-story-everywhere';
import { queryKeys } from '../queries/keys';
import type { RealtimeMessage } from './realtime-client';
import { useChannel } from './use-channel';

/** The public summary every auction message carries (bid placed, extended, ended, status changed…). */
interface AuctionEventData {
  status?: AuctionStatus;
  highBidMinor?: number | null;
  minNextBidMinor?: number | null;
  leaderId?: string | null;
  leaderAlias?: string | null;
  endsAt?: string;
  reserveMet?: boolean;
  bidCount?: number;
  winnerId?: string | null;
  /** The auction's version: messages from several processes may arrive out of order. */
  version?: number;
}

/** Applies one auction message to the cached auction; older versions than the one shown are ignored. */
export function applyAuctionEvent(auction: Auction, message: RealtimeMessage): Auction {
  const data = (message.data ?? {}) as AuctionEventData;
  if (typeof data.version === 'number' && data.version < auction.version) return auction;
  const next: Auction = { ...auction };
  if (data.highBidMinor !== undefined) next.highBidMinor = data.highBidMinor;
  if (data.minNextBidMinor !== undefined) next.minNextBidMinor = data.minNextBidMinor;
  if (data.leaderId !== undefined) {
    next.leaderId = data.leaderId;
    next.isLeading = false;
  }
  if (data.leaderAlias !== undefined) next.leaderAlias = data.leaderAlias;
  if (data.endsAt) next.endsAt = data.endsAt;
  if (typeof data.reserveMet === 'boolean') next.reserveMet = data.reserveMet;
  if (typeof data.bidCount === 'number') next.bidCount = data.bidCount;
  if (data.status) next.status = data.status;
  if (data.winnerId !== undefined) next.winnerId = data.winnerId;
  if (typeof data.version === 'number') next.version = data.version;
  return next;
}

function findSummary(queryClient: QueryClient, storyId: string): AuctionSummary | null {
  const story = queryClient.getQueryData<Story>(queryKeys.story(storyId));
  if (story?.auction) return story.auction;
  for (const [, data] of queryClient.getQueriesData<FeedData>({ queryKey: queryKeys.feedRoot })) {
    const item = data?.pages.flatMap((page) => page.items).find((card) => card.id === storyId);
    if (item?.auction) return item.auction;
  }
  return null;
}

/**
 * Keeps an auction live while mounted: every message on `auction:<id>` patches the auction and
 * the story summaries in the feed at once; the bid list and the server's full view follow.
 */
export function useAuctionLive(auctionId: string | null | undefined, storyId?: string) {
  const queryClient = useQueryClient();
  useChannel(auctionId ? `auction:${auctionId}` : null, (message) => {
    if (!auctionId || message.type === 'subscribed' || message.type === 'error') return;
    const data = (message.data ?? {}) as AuctionEventData;
    queryClient.setQueryData<Auction>(queryKeys.auction(auctionId), (auction) =>
      auction ? applyAuctionEvent(auction, message) : auction,
    );
    const summary = storyId ? findSummary(queryClient, storyId) : null;
    if (storyId && summary) {
      patchStoryEverywhere(queryClient, storyId, {
        auction: {
          ...summary,
          ...(data.highBidMinor !== undefined ? { highBidMinor: data.highBidMinor } : {}),
          ...(data.minNextBidMinor !== undefined ? { minNextBidMinor: data.minNextBidMinor } : {}),
          ...(data.endsAt ? { endsAt: data.endsAt } : {}),
          ...(typeof data.reserveMet === 'boolean' ? { reserveMet: data.reserveMet } : {}),
          ...(data.status ? { state: data.status } : {}),
        },
      });
    }
    void queryClient.invalidateQueries({ queryKey: queryKeys.bids(auctionId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.auction(auctionId), exact: true });
  });
}
