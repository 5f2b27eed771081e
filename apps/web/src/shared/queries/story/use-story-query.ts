import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Story } from '../../api/types';
import { queryKeys } from '../keys';

/** One story with its sections, media and auction summary. */
export function useStoryQuery(storyId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.story(storyId ?? ''),
    queryFn: ({ signal }) => callApi<Story>('GET', `/v1/stories/${storyId}`, { signal }),
    enabled: Boolean(storyId),
    // Playback URLs carry a 5-minute token: refresh the story well before it lapses.
    staleTime: 30_000,
    refetchInterval: 4 * 60_000,
  });
}
