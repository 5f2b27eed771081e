import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { api, unwrap } from '../../shared/api/client';
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
      unwrap(api.GET('/v1/stories/{id}', { params: { path: { id: storyId } } }))
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
