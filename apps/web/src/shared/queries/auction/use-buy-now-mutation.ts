import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** Buys at the buy-now price: opens the caller's payment window. */
export function useBuyNowMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      storyId,
      shippingCountry,
      idempotencyKey,
    }: {
      storyId: string;
      /** Where the piece would ship; the server refuses a country the story does not ship to. */
      shippingCountry?: string | undefined;
      idempotencyKey: string;
    }) =>
      unwrap(
        api.POST('/v1/stories/{id}/buy', {
          params: { path: { id: storyId }, header: { 'idempotency-key': idempotencyKey } },
          ...(shippingCountry ? { body: { shippingCountry } } : {}),
        }),
      ),
    retry: (count, error) => error instanceof ApiError && error.isNetwork && count < 2,
    onSuccess: ({ paymentWindow }, { storyId }) => {
      queryClient.setQueryData(queryKeys.paymentWindow(paymentWindow.id), paymentWindow);
      if (paymentWindow.auctionId) queryClient.setQueryData(queryKeys.payment(paymentWindow.auctionId), paymentWindow);
      void queryClient.invalidateQueries({ queryKey: queryKeys.story(storyId) });
    },
  });
}
