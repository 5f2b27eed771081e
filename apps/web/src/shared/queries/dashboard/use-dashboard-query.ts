import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Dashboard } from '../../api/types';
import { queryKeys } from '../keys';

/** The maker's dashboard: listings, funnel, revenue, fulfilment tasks. */
export function useDashboardQuery() {
  return useQuery({
    queryKey: queryKeys.dashboard,
    queryFn: ({ signal }) => callApi<Dashboard>('GET', '/v1/makers/me/dashboard', { signal }),
    staleTime: 30_000,
  });
}
