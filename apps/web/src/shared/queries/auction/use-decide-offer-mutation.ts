import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { OfferResult } from '../../api/types';
import { queryKeys } from '../keys';

/** The maker accepts an offer below the minimum (it opens the auction) or declines it. */
export function useDecideOfferMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ offerId, decision }: { offerId: string; storyId: string; decision: 'accept' | 'decline' }) =>
      callApi<OfferResult>('POST', `/v1/offers/${offerId}/${decision}`, { body: {} }),
    onSuccess: (result, { storyId }) => {
      if (result?.auction) queryClient.setQueryData(queryKeys.auction(result.auction.id), result.auction);
      void queryClient.invalidateQueries({ queryKey: queryKeys.story(storyId) });
    },
  });
}
