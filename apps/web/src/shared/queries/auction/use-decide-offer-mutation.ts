import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** The maker accepts an offer below the minimum (it opens the auction) or declines it. */
export function useDecideOfferMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ offerId, decision }: { offerId: string; storyId: string; decision: 'accept' | 'decline' }) => {
      const params = { path: { id: offerId } };
      if (decision === 'decline') {
        await unwrap(api.POST('/v1/offers/{id}/decline', { params }));
        return null;
      }
      // Accepting opens the auction: the story switches to bidding with the server's state.
      const { auction } = await unwrap(api.POST('/v1/offers/{id}/accept', { params }));
      return auction;
    },
    onSuccess: (auction, { storyId }) => {
      if (auction) queryClient.setQueryData(queryKeys.auction(auction.id), auction);
      void queryClient.invalidateQueries({ queryKey: queryKeys.story(storyId) });
    },
  });
}
