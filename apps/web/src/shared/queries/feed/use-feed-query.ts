import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import type { paths } from '@vw/api-client';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** One page of the feed, as the server sends it. */
export type FeedPage = paths['/v1/feed']['get']['responses'][200]['content']['application/json'];
export type FeedData = InfiniteData<FeedPage, string | null>;
type FeedCategory = NonNullable<NonNullable<paths['/v1/feed']['get']['parameters']['query']>['category']>;

export const FEED_PAGE_SIZE = 10;

/**
 * The feed, newest first, one cursor page at a time. `initialData` restores a saved session.
 * `category` comes from the address bar: the server checks it (an unknown one is a 400 the screen shows).
 * `following` keeps only the stories of the makers the viewer follows (signed-in viewers only).
 */
export function useFeedQuery(
  category: string | null,
  initialData?: FeedData,
  options: { following?: boolean; enabled?: boolean } = {},
) {
  const filter = (category ?? undefined) as FeedCategory | undefined;
  const following = options.following === true;
  return useInfiniteQuery<FeedPage, Error, FeedData, readonly string[], string | null>({
    queryKey: following ? queryKeys.followingFeed(category) : queryKeys.feed(category),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/v1/feed', {
          params: {
            query: {
              cursor: pageParam ?? undefined,
              limit: FEED_PAGE_SIZE,
              category: filter,
              ...(following ? { following: 'true' as const } : {}),
            },
          },
          signal,
        }),
      ),
    enabled: options.enabled ?? true,
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    initialData,
    // Restored pages show at once; fresh ones (with fresh playback tokens) replace them behind.
    initialDataUpdatedAt: 0,
    staleTime: 60_000,
  });
}
