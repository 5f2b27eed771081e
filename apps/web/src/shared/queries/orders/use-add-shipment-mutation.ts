import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** The maker records the carrier and tracking number (the order becomes shipped). */
export function useAddShipmentMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, carrier, trackingNumber }: { orderId: string; carrier: string; trackingNumber: string }) =>
      unwrap(
        api.POST('/v1/orders/{id}/shipment', { params: { path: { id: orderId } }, body: { carrier, trackingNumber } }),
      ),
    onSuccess: (order, { orderId }) => {
      queryClient.setQueryData(queryKeys.order(orderId), order);
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.order(orderId) });
    },
  });
}
