import { useInfiniteQuery } from '@tanstack/react-query';
import type { paths } from '@vw/api-client';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** One auction of my activity, as the server sends it. */
export type BidActivity = paths['/v1/me/bids']['get']['responses'][200]['content']['application/json']['items'][number];

/** The auctions I bid on, latest bid first, with my standing, a cursor page at a time. */
export function useMyBidsQuery() {
  return useInfiniteQuery({
    queryKey: queryKeys.myBids,
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET('/v1/me/bids', { params: { query: { cursor: pageParam ?? undefined, limit: 20 } }, signal })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
