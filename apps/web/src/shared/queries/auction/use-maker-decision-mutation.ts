import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Auction } from '../../api/types';
import { queryKeys } from '../keys';

export type MakerDecision = Auction['makerActions'][number];

/**
 * The maker's decisions on their auction: accept the leading bid, offer the piece to the next
 * bidder after an unpaid window, or relist it (the story takes offers again).
 */
export function useMakerDecisionMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ auctionId, decision }: { auctionId: string; storyId: string; decision: MakerDecision }) => {
      const params = { path: { id: auctionId } };
      switch (decision) {
        case 'accept':
          return unwrap(api.POST('/v1/auctions/{id}/accept', { params }));
        case 'second_chance':
          return unwrap(api.POST('/v1/auctions/{id}/second-chance', { params }));
        case 'relist':
          return unwrap(api.POST('/v1/auctions/{id}/relist', { params }));
      }
    },
    onSuccess: (auction, { auctionId, storyId }) => {
      queryClient.setQueryData(queryKeys.auction(auctionId), auction);
      void queryClient.invalidateQueries({ queryKey: queryKeys.story(storyId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.payment(auctionId) });
    },
  });
}
