import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@vw/api-client';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

type NewStory = paths['/v1/stories']['post']['requestBody']['content']['application/json'];

/** Creates a draft story. */
export function useCreateStoryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: NewStory) => unwrap(api.POST('/v1/stories', { body: fields })),
    onSuccess: (story) => {
      queryClient.setQueryData(queryKeys.story(story.id), story);
      void queryClient.invalidateQueries({ queryKey: ['maker-stories'] });
    },
  });
}
