import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** Admin: archives a story (taken down for good and marked moderated; audited; the maker is told). */
export function useArchiveStoryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ storyId, reason }: { storyId: string; reason?: string }) =>
      unwrap(api.POST('/v1/admin/stories/{id}/archive', { params: { path: { id: storyId } }, body: { reason } })),
    onSuccess: (_story, { storyId }) => {
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.story(storyId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.feedRoot });
    },
  });
}
