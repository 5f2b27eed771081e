import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** Reviews, and the maker profiles whose rating they make, are read again. */
function refreshReviews(queryClient: QueryClient, makerId: string): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.reviews });
  void queryClient.invalidateQueries({ queryKey: queryKeys.maker(makerId), exact: true });
}

/** The buyer reviews a delivered order; the order's review, the maker's reviews and rating refresh. */
export function usePostReviewMutation(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { rating: number; text?: string }) =>
      unwrap(api.POST('/v1/orders/{id}/review', { params: { path: { id: orderId } }, body })),
    onSuccess: (review) => refreshReviews(queryClient, review.makerId),
  });
}

/** The reviewed maker answers a review, once. */
export function useReplyToReviewMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reviewId, text }: { reviewId: string; text: string }) =>
      unwrap(api.POST('/v1/reviews/{id}/reply', { params: { path: { id: reviewId } }, body: { text } })),
    onSuccess: (review) => refreshReviews(queryClient, review.makerId),
  });
}

/** Reports a review to the admins, with a reason. */
export function useReportReviewMutation() {
  return useMutation({
    mutationFn: ({ reviewId, reason }: { reviewId: string; reason: string }) =>
      unwrap(api.POST('/v1/reviews/{id}/report', { params: { path: { id: reviewId } }, body: { reason } })),
  });
}

/** Admin: removes a reported review (audited) or keeps it, dismissing its reports (audited). */
export function useModerateReviewMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reviewId, action, reason }: { reviewId: string; action: 'remove' | 'keep'; reason: string }) =>
      unwrap(
        action === 'remove'
          ? api.POST('/v1/admin/reviews/{id}/remove', { params: { path: { id: reviewId } }, body: { reason } })
          : api.POST('/v1/admin/reviews/{id}/dismiss-reports', {
              params: { path: { id: reviewId } },
              body: reason ? { note: reason } : {},
            }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.reviewReports });
      void queryClient.invalidateQueries({ queryKey: queryKeys.reviews });
      void queryClient.invalidateQueries({ queryKey: ['maker'] });
    },
  });
}
