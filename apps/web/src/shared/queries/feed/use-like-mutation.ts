import { useMutation, useQueryClient } from '@tanstack/react-query';
import { trackEvent } from '../../analytics/analytics-events';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';
import { patchStoryEverywhere, restoreStory, snapshotStory } from './patch-story-everywhere';

export interface LikeInput {
  storyId: string;
  like: boolean;
  /** Count shown before the tap (for the optimistic count). */
  likeCount: number;
}

/** Like or unlike a story: the heart and count change at once and roll back if the server refuses. */
export function useLikeMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ storyId, like }: LikeInput) =>
      unwrap(
        like
          ? api.PUT('/v1/stories/{id}/like', { params: { path: { id: storyId } } })
          : api.DELETE('/v1/stories/{id}/like', { params: { path: { id: storyId } } }),
      ),
    onMutate: async ({ storyId, like, likeCount }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.story(storyId) });
      const snapshot = snapshotStory(queryClient, storyId);
      patchStoryEverywhere(queryClient, storyId, {
        likedByMe: like,
        likeCount: Math.max(0, likeCount + (like ? 1 : -1)),
      });
      return { snapshot };
    },
    onError: (_error, { storyId }, context) => {
      if (context) restoreStory(queryClient, storyId, context.snapshot);
    },
    onSuccess: (state, { storyId, like }) => {
      if (like && state.liked) trackEvent({ type: 'like', storyId });
      patchStoryEverywhere(queryClient, storyId, { likedByMe: state.liked, likeCount: state.likeCount });
    },
  });
}
