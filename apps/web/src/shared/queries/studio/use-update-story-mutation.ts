import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { StoryFields } from '../../api/types';
import { queryKeys } from '../keys';

/** Saves changed fields of a story (the studio's autosave). */
export function useUpdateStoryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ storyId, fields }: { storyId: string; fields: StoryFields }) =>
      unwrap(api.PATCH('/v1/stories/{id}', { params: { path: { id: storyId } }, body: fields })),
    onSuccess: (story) => queryClient.setQueryData(queryKeys.story(story.id), story),
  });
}
