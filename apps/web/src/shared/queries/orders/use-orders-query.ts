import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Order } from '../../api/types';
import { queryKeys } from '../keys';

/** My orders as buyer or as maker. */
export function useOrdersQuery(as: 'buyer' | 'maker') {
  return useQuery({
    queryKey: queryKeys.orders(as),
    queryFn: ({ signal }) => callApi<{ items: Order[] }>('GET', '/v1/orders', { query: { as }, signal }),
    select: (data) => data.items,
  });
}
