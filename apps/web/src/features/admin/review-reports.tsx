import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Review } from '../../shared/queries/reviews/types';
import { useModerateReviewMutation } from '../../shared/queries/reviews/use-review-mutations';
import { useReviewReportsQuery } from '../../shared/queries/reviews/use-reviews-query';
import { formatAgo } from '../../shared/time/format';
import { ReviewCard } from '../../shared/ui/review-card';
import { EmptyState, ErrorState, FormError, Loading } from '../../shared/ui/states';

/** Remove the reported review (out of the maker's page and rating) or keep it; both are audited. */
function ReviewDecision({ review }: { review: Review }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const moderate = useModerateReviewMutation();
  const decide = (action: 'remove' | 'keep') => moderate.mutate({ reviewId: review.id, action, reason: reason.trim() });
  return (
    <div className="stack">
      <label htmlFor={`${id}-reason`}>
        <Trans>Reason (kept in the audit log; needed to remove)</Trans>
      </label>
      <input
        id={`${id}-reason`}
        className="input"
        value={reason}
        maxLength={1000}
        onChange={(e) => setReason(e.target.value)}
      />
      <FormError error={moderate.error} />
      <div className="row">
        <button
          type="button"
          className="btn btn-danger btn-small"
          disabled={moderate.isPending || !reason.trim()}
          onClick={() => decide('remove')}
        >
          <Trans>Remove review</Trans>
        </button>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          disabled={moderate.isPending}
          onClick={() => decide('keep')}
        >
          <Trans>Keep (dismiss reports)</Trans>
        </button>
      </div>
    </div>
  );
}

/** Reported reviews, newest report first, each with its reason and the admin's decision. */
export function ReviewReports() {
  const reports = useReviewReportsQuery();
  const items = reports.data?.pages.flatMap((p) => p.items) ?? [];
  const { t } = useLingui();
  if (reports.isPending) return <Loading label={t`Loading reported reviews`} />;
  if (reports.isError)
    return (
      <ErrorState error={reports.error} title={t`Reports could not load`} onRetry={() => void reports.refetch()} />
    );
  if (items.length === 0) return <EmptyState title={t`No reported reviews`} />;
  return (
    <div className="stack">
      <ul className="list" aria-label={t`Reported reviews`}>
        {items.map((r) => (
          <li key={r.id} className="card stack">
            <strong>{r.reason}</strong>
            <span className="subtle">{t`Reported ${{ ago: formatAgo(r.createdAt) }}`}</span>
            <ReviewCard review={r.review} canReply={false} canReport={false} />
            <Link className="btn btn-ghost btn-small" to={`/makers/${r.review.makerId}`}>
              <Trans>The maker’s page</Trans>
            </Link>
            <ReviewDecision review={r.review} />
          </li>
        ))}
      </ul>
      {reports.hasNextPage && (
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void reports.fetchNextPage()}
          disabled={reports.isFetchingNextPage}
        >
          <Trans>Show more</Trans>
        </button>
      )}
    </div>
  );
}
