import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Story } from '../../api/types';
import { queryKeys } from '../keys';

/** Publishes a draft (the hero video must be ready). */
export function usePublishStoryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (storyId: string) => callApi<Story>('POST', `/v1/stories/${storyId}/publish`),
    onSuccess: (story) => {
      queryClient.setQueryData(queryKeys.story(story.id), story);
      void queryClient.invalidateQueries({ queryKey: queryKeys.feedRoot });
      void queryClient.invalidateQueries({ queryKey: ['maker-stories'] });
    },
  });
}
