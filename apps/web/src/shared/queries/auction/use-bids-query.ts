import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Bid } from '../../api/types';
import { queryKeys } from '../keys';

/** The auction's bids, in the order the server accepted them. */
export function useBidsQuery(auctionId: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.bids(auctionId ?? ''),
    queryFn: ({ signal }) => callApi<{ items: Bid[] }>('GET', `/v1/auctions/${auctionId}/bids`, { signal }),
    enabled: Boolean(auctionId),
    select: (data) => data.items,
  });
}
