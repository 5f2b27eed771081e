import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** One order (buyer or maker). */
export function useOrderQuery(orderId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.order(orderId ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/v1/orders/{id}', { params: { path: { id: orderId ?? '' } }, signal })),
    enabled: Boolean(orderId),
  });
}
