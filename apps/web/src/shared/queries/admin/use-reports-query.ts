import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** The moderation queue. */
export function useReportsQuery(status: 'open' | 'all' = 'open') {
  // 'all' asks without a status filter.
  return useQuery({
    queryKey: queryKeys.adminReports(status),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/v1/admin/reports', {
          params: { query: { status: status === 'all' ? undefined : status } },
          signal,
        }),
      ),
    select: (data) => data.items,
  });
}
