import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Page, StoryCard } from '../../api/types';
import { queryKeys } from '../keys';

export type FeedData = InfiniteData<Page<StoryCard>, string | null>;

export const FEED_PAGE_SIZE = 10;

/** The feed, newest first, one cursor page at a time. `initialData` restores a saved session. */
export function useFeedQuery(category: string | null, initialData?: FeedData) {
  return useInfiniteQuery<Page<StoryCard>, Error, FeedData, ReturnType<typeof queryKeys.feed>, string | null>({
    queryKey: queryKeys.feed(category),
    queryFn: ({ pageParam, signal }) =>
      callApi<Page<StoryCard>>('GET', '/v1/feed', {
        query: { cursor: pageParam, limit: FEED_PAGE_SIZE, category },
        signal,
      }),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    initialData,
    // Restored pages show at once; fresh ones (with fresh playback tokens) replace them behind.
    initialDataUpdatedAt: 0,
    staleTime: 60_000,
  });
}
