import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { serverClock } from '../../time/server-clock';
import { queryKeys } from '../keys';

/** An auction's live state (realtime events patch it; this refetches on focus and reconnect). */
export function useAuctionQuery(auctionId: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.auction(auctionId ?? ''),
    queryFn: async ({ signal }) => {
      const requestedAt = Date.now();
      const auction = await unwrap(api.GET('/v1/auctions/{id}', { params: { path: { id: auctionId ?? '' } }, signal }));
      // The answer carries the server's time: countdowns are right even before the socket connects.
      serverClock.sample(auction.serverTime, Date.now(), requestedAt);
      return auction;
    },
    enabled: Boolean(auctionId),
    staleTime: 5_000,
  });
}
