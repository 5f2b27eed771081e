import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** Admin: takes a story off the feed (recorded in the audit log). */
export function useUnpublishStoryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ storyId, reason }: { storyId: string; reason?: string }) =>
      unwrap(api.POST('/v1/admin/stories/{id}/unpublish', { params: { path: { id: storyId } }, body: { reason } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.feedRoot });
    },
  });
}
