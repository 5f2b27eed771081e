import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** A maker's reviews, newest first, a cursor page at a time, with their average and count. */
export function useMakerReviewsQuery(makerId: string | undefined) {
  return useInfiniteQuery({
    queryKey: queryKeys.makerReviews(makerId ?? ''),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/v1/makers/{id}/reviews', {
          params: { path: { id: makerId ?? '' }, query: { cursor: pageParam ?? undefined, limit: 10 } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: Boolean(makerId),
  });
}

/** The review of an order (for its buyer and maker), and whether the buyer may write one now. */
export function useOrderReviewQuery(orderId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: queryKeys.orderReview(orderId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/v1/orders/{id}/review', { params: { path: { id: orderId ?? '' } }, signal })),
    enabled: Boolean(orderId) && enabled,
  });
}

/** Admin: open reports of reviews, newest first. */
export function useReviewReportsQuery() {
  return useInfiniteQuery({
    queryKey: queryKeys.reviewReports,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/v1/admin/review-reports', {
          params: { query: { cursor: pageParam ?? undefined, limit: 20 } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
