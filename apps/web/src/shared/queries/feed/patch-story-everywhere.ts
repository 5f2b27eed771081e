import type { QueryClient } from '@tanstack/react-query';
import type { Story, StoryCard } from '../../api/types';
import { queryKeys } from '../keys';
import type { FeedData } from './use-feed-query';

type Patch = Partial<Pick<StoryCard, 'likeCount' | 'likedByMe' | 'auction' | 'playbackUrl' | 'posterUrl'>>;

/** Applies a change to a story wherever it is cached: its page and every feed page holding it. */
export function patchStoryEverywhere(queryClient: QueryClient, storyId: string, patch: Patch): void {
  const { playbackUrl: _playbackUrl, posterUrl: _posterUrl, ...storyPatch } = patch;
  queryClient.setQueryData<Story>(queryKeys.story(storyId), (story) => (story ? { ...story, ...storyPatch } : story));
  queryClient.setQueriesData<FeedData>({ queryKey: queryKeys.feedRoot }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.id === storyId ? { ...item, ...patch } : item)),
          })),
        }
      : data,
  );
}

/** A copy of every cache entry the patch touches, to roll back. */
export function snapshotStory(queryClient: QueryClient, storyId: string) {
  return {
    story: queryClient.getQueryData<Story>(queryKeys.story(storyId)),
    feeds: queryClient.getQueriesData<FeedData>({ queryKey: queryKeys.feedRoot }),
  };
}

export function restoreStory(queryClient: QueryClient, storyId: string, snapshot: ReturnType<typeof snapshotStory>) {
  queryClient.setQueryData(queryKeys.story(storyId), snapshot.story);
  for (const [key, data] of snapshot.feeds) queryClient.setQueryData(key, data);
}
