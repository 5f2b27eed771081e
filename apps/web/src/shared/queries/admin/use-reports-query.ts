import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Report } from '../../api/types';
import { queryKeys } from '../keys';

/** The moderation queue. */
export function useReportsQuery(status: 'open' | 'all' = 'open') {
  // 'all' asks without a status filter.
  return useQuery({
    queryKey: queryKeys.adminReports(status),
    queryFn: ({ signal }) =>
      callApi<{ items: Report[] }>('GET', '/v1/admin/reports', {
        query: { status: status === 'all' ? undefined : status },
        signal,
      }),
    select: (data) => data.items,
  });
}
