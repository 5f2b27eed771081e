import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** One story with its sections, media and auction summary. */
export function useStoryQuery(storyId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.story(storyId ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/v1/stories/{id}', { params: { path: { id: storyId ?? '' } }, signal })),
    enabled: Boolean(storyId),
    // Playback URLs carry a 5-minute token: refresh the story well before it lapses.
    staleTime: 30_000,
    refetchInterval: 4 * 60_000,
  });
}
