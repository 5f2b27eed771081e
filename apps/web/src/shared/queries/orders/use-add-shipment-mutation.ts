import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Order } from '../../api/types';
import { queryKeys } from '../keys';

/** The maker records the carrier and tracking number (the order becomes shipped). */
export function useAddShipmentMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, carrier, trackingNumber }: { orderId: string; carrier: string; trackingNumber: string }) =>
      callApi<Order>('POST', `/v1/orders/${orderId}/shipment`, { body: { carrier, trackingNumber } }),
    onSuccess: (order, { orderId }) => {
      if (order) queryClient.setQueryData(queryKeys.order(orderId), order);
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.order(orderId) });
    },
  });
}
