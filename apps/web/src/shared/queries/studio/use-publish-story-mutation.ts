import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** Publishes a draft (the hero video must be ready). */
export function usePublishStoryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (storyId: string) =>
      unwrap(api.POST('/v1/stories/{id}/publish', { params: { path: { id: storyId } } })),
    onSuccess: (story) => {
      queryClient.setQueryData(queryKeys.story(story.id), story);
      void queryClient.invalidateQueries({ queryKey: queryKeys.feedRoot });
      void queryClient.invalidateQueries({ queryKey: ['maker-stories'] });
    },
  });
}
