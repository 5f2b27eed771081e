import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { OrderStatus } from '../../api/types';

/** Admin: every order in one state (newest first), e.g. the disputed ones waiting for a decision. */
export function useAdminOrdersQuery(status: OrderStatus) {
  return useQuery({
    queryKey: ['orders', 'admin', status],
    queryFn: ({ signal }) => unwrap(api.GET('/v1/orders', { params: { query: { as: 'admin', status } }, signal })),
    select: (data) => data.items,
  });
}
