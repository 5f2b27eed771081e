import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** Admin: voids a fraudulent bid; the server recomputes the lead (and records it in the audit log). */
export function useVoidBidMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ auctionId, bidId, reason }: { auctionId: string; bidId: string; reason: string }) =>
      unwrap(
        api.POST('/v1/admin/auctions/{id}/bids/{bidId}/void', {
          params: { path: { id: auctionId, bidId } },
          body: { reason },
        }),
      ),
    onSuccess: (_auction, { auctionId }) => {
      // The answer is the admin's view of the auction; refetch it as the viewer sees it.
      void queryClient.invalidateQueries({ queryKey: queryKeys.auction(auctionId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.bids(auctionId) });
    },
  });
}
