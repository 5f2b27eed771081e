import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** The auction's bids, in the order the server accepted them. */
export function useBidsQuery(auctionId: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.bids(auctionId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/v1/auctions/{id}/bids', { params: { path: { id: auctionId ?? '' } }, signal })),
    enabled: Boolean(auctionId),
    select: (data) => data.items,
  });
}
