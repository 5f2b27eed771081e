import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { callApi } from '../../shared/api/client';
import type { Story } from '../../shared/api/types';
import { patchStoryEverywhere } from '../../shared/queries/feed/patch-story-everywhere';
import { queryKeys } from '../../shared/queries/keys';

/**
 * Fetches a story afresh when its signed playback URL has expired and puts the new URL in the
 * feed; the player sends its next requests with it. At most one renewal per story at a time.
 */
export function useRenewPlayback() {
  const queryClient = useQueryClient();
  const pending = useRef(new Set<string>());
  return useCallback(
    (storyId: string) => {
      if (pending.current.has(storyId)) return;
      pending.current.add(storyId);
      callApi<Story>('GET', `/v1/stories/${storyId}`)
        .then((story) => {
          queryClient.setQueryData(queryKeys.story(storyId), story);
          patchStoryEverywhere(queryClient, storyId, {
            playbackUrl: story.hero?.playbackUrl ?? null,
            posterUrl: story.hero?.posterUrl ?? null,
          });
        })
        .catch(() => undefined)
        .finally(() => pending.current.delete(storyId));
    },
    [queryClient],
  );
}
