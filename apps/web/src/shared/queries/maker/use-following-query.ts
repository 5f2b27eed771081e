import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** The makers the signed-in viewer follows, most recently followed first, a cursor page at a time. */
export function useFollowingQuery() {
  return useInfiniteQuery({
    queryKey: queryKeys.following,
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET('/v1/me/following', { params: { query: { cursor: pageParam ?? undefined, limit: 20 } }, signal })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
