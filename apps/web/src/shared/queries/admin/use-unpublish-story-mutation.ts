import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import { queryKeys } from '../keys';

/** Admin: takes a story off the feed (recorded in the audit log). */
export function useUnpublishStoryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ storyId, reason }: { storyId: string; reason?: string }) =>
      callApi<unknown>('POST', `/v1/admin/stories/${storyId}/unpublish`, { body: { reason } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.feedRoot });
    },
  });
}
