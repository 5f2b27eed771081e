import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { queryKeys } from '../keys';

/** Every admin action, newest first. */
export function useAuditLogQuery() {
  return useQuery({
    queryKey: queryKeys.auditLog,
    queryFn: ({ signal }) => callApi<{ items: AuditEntry[] }>('GET', '/v1/admin/audit-log', { signal }),
    select: (data) => data.items,
  });
}
