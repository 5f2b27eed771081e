import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AuctionSummary as LiveAuctionSummary } from '@vw/domain';
import type { Auction, AuctionSummary, Story } from '../api/types';
import type { FeedData } from '../queries/feed/use-feed-query';
import { patchStoryEverywhere } from '../queries/feed/patch-story-everywhere';
import { queryKeys } from '../queries/keys';
import type { RealtimeMessage } from './realtime-client';
import { useChannel } from './use-channel';

const AUCTION_MESSAGES = [
  'auction_started',
  'bid_placed',
  'status_changed',
  'extended',
  'ended',
  'bid_voided',
] as const;
type AuctionMessage = Extract<RealtimeMessage, { type: (typeof AUCTION_MESSAGES)[number] }>;

function isAuctionMessage(message: RealtimeMessage): message is AuctionMessage {
  return (AUCTION_MESSAGES as readonly string[]).includes(message.type);
}

/** The public summary an auction message carries (bid placed, extended, ended, status changed…); null for other messages. */
export function auctionSummaryOf(message: RealtimeMessage): (LiveAuctionSummary & { winnerId?: string | null }) | null {
  return isAuctionMessage(message) ? message.data : null;
}

/** Applies one auction message to the cached auction; older versions than the one shown are ignored. */
export function applyAuctionEvent(auction: Auction, message: RealtimeMessage): Auction {
  const data = auctionSummaryOf(message);
  if (data === null || data.version < auction.version) return auction;
  const next: Auction = {
    ...auction,
    highBidMinor: data.highBidMinor,
    minNextBidMinor: data.minNextBidMinor,
    leaderId: data.leaderId,
    isLeading: false,
    leaderAlias: data.leaderAlias,
    endsAt: data.endsAt,
    reserveMet: data.reserveMet,
    bidCount: data.bidCount,
    status: data.status,
    version: data.version,
  };
  if (data.winnerId !== undefined) next.winnerId = data.winnerId;
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
    const data = auctionSummaryOf(message);
    if (!auctionId || data === null) return;
    queryClient.setQueryData<Auction>(queryKeys.auction(auctionId), (auction) =>
      auction ? applyAuctionEvent(auction, message) : auction,
    );
    const summary = storyId ? findSummary(queryClient, storyId) : null;
    if (storyId && summary) {
      patchStoryEverywhere(queryClient, storyId, {
        auction: {
          ...summary,
          highBidMinor: data.highBidMinor,
          minNextBidMinor: data.minNextBidMinor,
          endsAt: data.endsAt,
          reserveMet: data.reserveMet,
          state: data.status,
        },
      });
    }
    void queryClient.invalidateQueries({ queryKey: queryKeys.bids(auctionId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.auction(auctionId), exact: true });
  });
}
