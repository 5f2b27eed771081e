import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

export type Withdrawal = 'unpublish' | 'archive';

/** The maker takes a story out of the feed: back to draft (unpublish) or archived (not during an auction). */
export function useWithdrawStoryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ storyId, action }: { storyId: string; action: Withdrawal }) =>
      unwrap(
        action === 'unpublish'
          ? api.POST('/v1/stories/{id}/unpublish', { params: { path: { id: storyId } } })
          : api.POST('/v1/stories/{id}/archive', { params: { path: { id: storyId } } }),
      ),
    onSuccess: (story) => {
      queryClient.setQueryData(queryKeys.story(story.id), story);
      void queryClient.invalidateQueries({ queryKey: queryKeys.feedRoot });
      void queryClient.invalidateQueries({ queryKey: ['maker-stories'] });
    },
  });
}
