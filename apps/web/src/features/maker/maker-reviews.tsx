import { Trans, useLingui } from '@lingui/react/macro';
import { useMakerReviewsQuery } from '../../shared/queries/reviews/use-reviews-query';
import { ReviewCard } from '../../shared/ui/review-card';
import { RatingSummary } from '../../shared/ui/stars';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states';

/**
 * The maker's reviews, newest first, with "More reviews" for older ones. The maker answers from
 * here; a signed-in viewer reports a review.
 */
export function MakerReviews({
  makerId,
  makerName,
  viewer,
}: {
  makerId: string;
  makerName: string;
  viewer: { signedIn: boolean; userId: string | null };
}) {
  const reviews = useMakerReviewsQuery(makerId);
  const first = reviews.data?.pages[0];
  const items = reviews.data?.pages.flatMap((p) => p.items) ?? [];
  const ownPage = viewer.userId === makerId;
  const { t } = useLingui();
  return (
    <section className="stack" aria-labelledby="maker-reviews">
      <h2 id="maker-reviews">
        <Trans>Reviews</Trans>
      </h2>
      {reviews.isPending && <Loading label={t`Loading the reviews`} lines={2} />}
      {reviews.isError && (
        <ErrorState
          error={reviews.error}
          title={t`The reviews could not load`}
          onRetry={() => void reviews.refetch()}
        />
      )}
      {first && <RatingSummary rating={first} />}
      {reviews.isSuccess && items.length === 0 && (
        <EmptyState title={t`No reviews yet`}>
          <span className="muted">
            <Trans>Buyers review {makerName} once their piece has arrived.</Trans>
          </span>
        </EmptyState>
      )}
      {items.length > 0 && (
        <ul className="list" aria-label={t`Reviews of ${makerName}`}>
          {items.map((review) => (
            <li key={review.id}>
              <ReviewCard review={review} canReply={ownPage} canReport={viewer.signedIn && !ownPage} />
            </li>
          ))}
        </ul>
      )}
      {reviews.hasNextPage && (
        <button
          type="button"
          className="btn btn-secondary"
          disabled={reviews.isFetchingNextPage}
          onClick={() => void reviews.fetchNextPage()}
        >
          {reviews.isFetchingNextPage ? t`Loading…` : t`More reviews`}
        </button>
      )}
    </section>
  );
}
