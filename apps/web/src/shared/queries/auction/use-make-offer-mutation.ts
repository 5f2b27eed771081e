import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error';
import { callApi } from '../../api/client';
import type { OfferResult } from '../../api/types';
import { queryKeys } from '../keys';

export interface MakeOfferInput {
  storyId: string;
  amountMinor: number;
  currency: string;
  idempotencyKey: string;
}

/** Makes an offer; when it opens the auction, the story switches to bidding at once. */
export function useMakeOfferMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ storyId, amountMinor, currency, idempotencyKey }: MakeOfferInput) =>
      callApi<OfferResult>('POST', `/v1/stories/${storyId}/offers`, {
        body: { amountMinor, currency },
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    retry: (count, error) => error instanceof ApiError && error.isNetwork && count < 2,
    onSuccess: (result, { storyId }) => {
      if (result.auction) queryClient.setQueryData(queryKeys.auction(result.auction.id), result.auction);
      void queryClient.invalidateQueries({ queryKey: queryKeys.story(storyId) });
    },
  });
}
