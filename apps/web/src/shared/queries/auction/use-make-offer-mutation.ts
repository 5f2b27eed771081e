import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

export interface MakeOfferInput {
  storyId: string;
  amountMinor: number;
  currency: string;
  /** Where the piece would ship; the server refuses a country the story does not ship to. */
  shippingCountry?: string | undefined;
  idempotencyKey: string;
}

/** Makes an offer; when it opens the auction, the story switches to bidding at once. */
export function useMakeOfferMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ storyId, amountMinor, currency, shippingCountry, idempotencyKey }: MakeOfferInput) =>
      unwrap(
        api.POST('/v1/stories/{id}/offers', {
          params: { path: { id: storyId }, header: { 'idempotency-key': idempotencyKey } },
          body: { amountMinor, currency, ...(shippingCountry ? { shippingCountry } : {}) },
        }),
      ),
    retry: (count, error) => error instanceof ApiError && error.isNetwork && count < 2,
    onSuccess: (result, { storyId }) => {
      if (result.auction) queryClient.setQueryData(queryKeys.auction(result.auction.id), result.auction);
      void queryClient.invalidateQueries({ queryKey: queryKeys.story(storyId) });
    },
  });
}
