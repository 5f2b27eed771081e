import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Admin: closes a report as acted on or dismissed (recorded in the audit log). */
export function useResolveReportMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, outcome, note }: { reportId: string; outcome: 'actioned' | 'dismissed'; note?: string }) =>
      unwrap(
        api.POST('/v1/admin/reports/{id}/resolve', {
          params: { path: { id: reportId } },
          body: note ? { outcome, note } : { outcome },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}
