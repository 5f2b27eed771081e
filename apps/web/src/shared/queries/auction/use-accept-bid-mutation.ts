import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Auction } from '../../api/types';
import { queryKeys } from '../keys';

/** The maker accepts the current leading bid (ends the auction now). */
export function useAcceptBidMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (auctionId: string) => callApi<Auction>('POST', `/v1/auctions/${auctionId}/accept`, { body: {} }),
    onSuccess: (auction, auctionId) => {
      queryClient.setQueryData(queryKeys.auction(auctionId), auction);
      void queryClient.invalidateQueries({ queryKey: ['story'] });
    },
  });
}
