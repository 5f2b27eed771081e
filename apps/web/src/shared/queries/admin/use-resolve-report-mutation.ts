import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client';

/** Admin: closes a report as acted on or dismissed (recorded in the audit log). */
export function useResolveReportMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, outcome, note }: { reportId: string; outcome: 'actioned' | 'dismissed'; note?: string }) =>
      callApi<unknown>('POST', `/v1/admin/reports/${reportId}/resolve`, {
        body: note ? { outcome, note } : { outcome },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}
