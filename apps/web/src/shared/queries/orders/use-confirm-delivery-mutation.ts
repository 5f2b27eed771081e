import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Order } from '../../api/types';
import { queryKeys } from '../keys';

/** The buyer confirms the piece arrived. */
export function useConfirmDeliveryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (orderId: string) =>
      callApi<Order>('POST', `/v1/orders/${orderId}/delivery-confirmation`, { body: {} }),
    onSuccess: (order, orderId) => {
      if (order) queryClient.setQueryData(queryKeys.order(orderId), order);
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.order(orderId) });
    },
  });
}
