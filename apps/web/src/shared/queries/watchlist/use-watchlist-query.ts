import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** The stories I watch, as feed items, most recently watched first, a cursor page at a time. */
export function useWatchlistQuery() {
  return useInfiniteQuery({
    queryKey: queryKeys.watchlist,
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET('/v1/me/watchlist', { params: { query: { cursor: pageParam ?? undefined, limit: 20 } }, signal })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
