import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** The offers I made, newest first, with their state, a cursor page at a time. */
export function useMyOffersQuery() {
  return useInfiniteQuery({
    queryKey: queryKeys.myOffers,
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET('/v1/me/offers', { params: { query: { cursor: pageParam ?? undefined, limit: 20 } }, signal })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
