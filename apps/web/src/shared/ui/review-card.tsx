import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState, type FormEvent } from 'react';
import { messageOf } from '../api/api-error';
import type { Review } from '../queries/reviews/types';
import { useReplyToReviewMutation, useReportReviewMutation } from '../queries/reviews/use-review-mutations';
import { formatDay } from '../time/format';
import { ReasonReport } from './report-button';
import { Stars } from './stars';
import './reviews.css';

const MAX_LENGTH = 1000;

/** The maker's one answer to a review. */
function ReplyForm({ reviewId }: { reviewId: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const reply = useReplyToReviewMutation();
  const { t } = useLingui();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    reply.mutate({ reviewId, text: text.trim() });
  };
  if (!open)
    return (
      <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(true)}>
        <Trans>Answer this review</Trans>
      </button>
    );
  return (
    <form className="stack" onSubmit={submit} aria-label={t`Answer this review`}>
      <label htmlFor={`${id}-reply`}>
        <Trans>Your answer (shown under the review; one only)</Trans>
      </label>
      <textarea
        id={`${id}-reply`}
        className="textarea"
        value={text}
        maxLength={MAX_LENGTH}
        required
        aria-describedby={`${id}-count`}
        onChange={(e) => setText(e.target.value)}
      />
      <span id={`${id}-count`} className="hint">
        {[...text].length} / {MAX_LENGTH}
      </span>
      {reply.isError && (
        <p role="alert" className="field-error">
          {messageOf(reply.error)}
        </p>
      )}
      <div className="row">
        <button type="submit" className="btn btn-primary btn-small" disabled={reply.isPending || !text.trim()}>
          {reply.isPending ? t`Sending…` : t`Post answer`}
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setOpen(false)}>
          <Trans>Cancel</Trans>
        </button>
      </div>
    </form>
  );
}

/** Report a review to the admins, with a reason. */
function ReportReview({ reviewId }: { reviewId: string }) {
  const report = useReportReviewMutation();
  return <ReasonReport subject="review" send={(reason) => report.mutate({ reviewId, reason })} state={report} />;
}

/**
 * One review: its stars, who wrote it and when, its text and the maker's answer, all rendered as
 * text. The reviewed maker may answer once; a signed-in viewer other than its writer may report it.
 */
export function ReviewCard({ review, canReply, canReport }: { review: Review; canReply: boolean; canReport: boolean }) {
  const { t } = useLingui();
  const buyer = review.buyer.displayName;
  return (
    <article className="card stack" aria-label={t`Review by ${buyer}`}>
      <div className="row-between">
        <Stars rating={review.rating} />
        <span className="subtle">{formatDay(review.createdAt)}</span>
      </div>
      <span className="muted">{review.buyer.displayName}</span>
      {review.text !== null && <p className="review-text">{review.text}</p>}
      {review.reply && (
        <div className="review-reply stack">
          <strong>
            <Trans>The maker’s answer</Trans>
          </strong>
          <p className="review-reply-text">{review.reply.text}</p>
        </div>
      )}
      {canReply && !review.reply && <ReplyForm reviewId={review.id} />}
      {canReport && <ReportReview reviewId={review.id} />}
    </article>
  );
}
