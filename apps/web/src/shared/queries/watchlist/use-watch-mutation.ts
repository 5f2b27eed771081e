import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

export interface WatchInput {
  storyId: string;
  watch: boolean;
}

/** Watch or stop watching a story: the toggle changes at once and rolls back if the server refuses. */
export function useWatchMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ storyId, watch }: WatchInput) =>
      unwrap(
        watch
          ? api.PUT('/v1/stories/{id}/watch', { params: { path: { id: storyId } } })
          : api.DELETE('/v1/stories/{id}/watch', { params: { path: { id: storyId } } }),
      ),
    onMutate: async ({ storyId, watch }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.watching(storyId) });
      const before = queryClient.getQueryData<boolean>(queryKeys.watching(storyId));
      queryClient.setQueryData(queryKeys.watching(storyId), watch);
      return { before };
    },
    onError: (_error, { storyId }, context) => {
      queryClient.setQueryData(queryKeys.watching(storyId), context?.before);
    },
    onSuccess: (state, { storyId }) => {
      queryClient.setQueryData(queryKeys.watching(storyId), state.watching);
      void queryClient.invalidateQueries({ queryKey: queryKeys.watchlist });
    },
  });
}
