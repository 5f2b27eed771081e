import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** Whether the signed-in viewer watches the story (the watch toggle's state). */
export function useWatchingQuery(storyId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.watching(storyId),
    queryFn: async ({ signal }) => {
      const answer = await unwrap(api.GET('/v1/me/watching', { params: { query: { storyIds: storyId } }, signal }));
      return answer.storyIds.includes(storyId);
    },
    enabled,
    staleTime: 60_000,
  });
}
