import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** The offerer withdraws their offer (possible until it opens an auction). */
export function useWithdrawOfferMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ offerId }: { offerId: string; storyId: string }) =>
      unwrap(api.POST('/v1/offers/{id}/withdraw', { params: { path: { id: offerId } } })),
    onSuccess: (_answer, { storyId }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.story(storyId) });
    },
  });
}
