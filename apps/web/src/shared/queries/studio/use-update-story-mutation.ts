import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Story, StoryFields } from '../../api/types';
import { queryKeys } from '../keys';

/** Saves changed fields of a story (the studio's autosave). */
export function useUpdateStoryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ storyId, fields }: { storyId: string; fields: StoryFields }) =>
      callApi<Story>('PATCH', `/v1/stories/${storyId}`, { body: fields }),
    onSuccess: (story) => queryClient.setQueryData(queryKeys.story(story.id), story),
  });
}
