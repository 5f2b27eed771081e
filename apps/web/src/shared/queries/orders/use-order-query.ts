import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Order } from '../../api/types';
import { queryKeys } from '../keys';

/** One order (buyer or maker). */
export function useOrderQuery(orderId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.order(orderId ?? ''),
    queryFn: ({ signal }) => callApi<Order>('GET', `/v1/orders/${orderId}`, { signal }),
    enabled: Boolean(orderId),
  });
}
