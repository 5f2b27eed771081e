import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** Deletes a story (not while its auction runs). */
export function useDeleteStoryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (storyId: string) => unwrap(api.DELETE('/v1/stories/{id}', { params: { path: { id: storyId } } })),
    onSuccess: (_void, storyId) => {
      queryClient.removeQueries({ queryKey: queryKeys.story(storyId) });
      void queryClient.invalidateQueries({ queryKey: ['maker-stories'] });
    },
  });
}
