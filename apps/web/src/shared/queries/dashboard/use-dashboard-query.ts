import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** The maker's dashboard: listings, funnel, revenue, fulfilment tasks. */
export function useDashboardQuery() {
  return useQuery({
    queryKey: queryKeys.dashboard,
    queryFn: ({ signal }) => unwrap(api.GET('/v1/makers/me/dashboard', { signal })),
    staleTime: 30_000,
  });
}
