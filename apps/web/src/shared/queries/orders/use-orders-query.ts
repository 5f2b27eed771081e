import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** My orders as buyer or as maker. */
export function useOrdersQuery(as: 'buyer' | 'maker') {
  return useQuery({
    queryKey: queryKeys.orders(as),
    queryFn: ({ signal }) => unwrap(api.GET('/v1/orders', { params: { query: { as } }, signal })),
    select: (data) => data.items,
  });
}
