import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error';
import { callApi } from '../../api/client';
import type { PaymentWindow } from '../../api/types';
import { queryKeys } from '../keys';

/** Buys at the buy-now price: opens the caller's payment window. */
export function useBuyNowMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ storyId, idempotencyKey }: { storyId: string; idempotencyKey: string }) =>
      callApi<{ paymentWindow: PaymentWindow }>('POST', `/v1/stories/${storyId}/buy`, {
        body: {},
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    retry: (count, error) => error instanceof ApiError && error.isNetwork && count < 2,
    onSuccess: ({ paymentWindow }, { storyId }) => {
      if (paymentWindow.auctionId) queryClient.setQueryData(queryKeys.payment(paymentWindow.auctionId), paymentWindow);
      void queryClient.invalidateQueries({ queryKey: queryKeys.story(storyId) });
    },
  });
}
