import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Order } from '../../api/types';
import { queryKeys } from '../keys';

function settle(queryClient: QueryClient, orderId: string, order: Order) {
  queryClient.setQueryData(queryKeys.order(orderId), order);
  void queryClient.invalidateQueries({ queryKey: ['orders'] });
  void queryClient.invalidateQueries({ queryKey: queryKeys.order(orderId) });
}

/** Maker (before shipping) or admin: cancels the order; the buyer is refunded in full. */
export function useCancelOrderMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, reason }: { orderId: string; reason: string }) =>
      unwrap(api.POST('/v1/orders/{id}/cancel', { params: { path: { id: orderId } }, body: { reason } })),
    onSuccess: ({ order }, { orderId }) => settle(queryClient, orderId, order),
  });
}

/** Admin (any time) or maker (before shipping): refunds part of the order, or all that is left. */
export function useRefundOrderMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, amountMinor, reason }: { orderId: string; amountMinor?: number; reason: string }) =>
      unwrap(
        api.POST('/v1/orders/{id}/refunds', {
          params: { path: { id: orderId } },
          body: amountMinor === undefined ? { reason } : { amountMinor, reason },
        }),
      ),
    onSuccess: ({ order }, { orderId }) => settle(queryClient, orderId, order),
  });
}

/** Buyer: reports a problem with the order; an admin resolves it. */
export function useDisputeOrderMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, reason }: { orderId: string; reason: string }) =>
      unwrap(api.POST('/v1/orders/{id}/dispute', { params: { path: { id: orderId } }, body: { reason } })),
    onSuccess: (order, { orderId }) => settle(queryClient, orderId, order),
  });
}
