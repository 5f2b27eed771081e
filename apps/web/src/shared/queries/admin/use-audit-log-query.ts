import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** Every admin action, newest first. */
export function useAuditLogQuery() {
  return useQuery({
    queryKey: queryKeys.auditLog,
    queryFn: ({ signal }) => unwrap(api.GET('/v1/admin/audit-log', { signal })),
    select: (data) => data.items,
  });
}
