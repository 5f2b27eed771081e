import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Story, StoryFields } from '../../api/types';
import { queryKeys } from '../keys';

/** Creates a draft story. */
export function useCreateStoryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: StoryFields & { title: string }) => callApi<Story>('POST', '/v1/stories', { body: fields }),
    onSuccess: (story) => {
      queryClient.setQueryData(queryKeys.story(story.id), story);
      void queryClient.invalidateQueries({ queryKey: ['maker-stories'] });
    },
  });
}
