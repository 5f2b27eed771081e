import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { useId, useState, type FormEvent } from 'react';
import { useOrderReviewQuery } from '../../shared/queries/reviews/use-reviews-query';
import { usePostReviewMutation } from '../../shared/queries/reviews/use-review-mutations';
import { formatDay } from '../../shared/time/format';
import { ReviewCard } from '../../shared/ui/review-card';
import { FormError } from '../../shared/ui/states';
import '../../shared/ui/reviews.css';

const MAX_LENGTH = 1000;
/** What each number of stars means, from one to five. */
const LABELS: MessageDescriptor[] = [msg`Poor`, msg`Fair`, msg`Good`, msg`Very good`, msg`Excellent`];

/** The buyer's review of a delivered order: 1 to 5 stars and optional text. */
export function ReviewForm({ orderId, until }: { orderId: string; until: string | null }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [rating, setRating] = useState(0);
  const [text, setText] = useState('');
  const post = usePostReviewMutation(orderId);
  const { i18n, t } = useLingui();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rating < 1) return;
    post.mutate(text.trim() ? { rating, text: text.trim() } : { rating });
  };
  if (!open) {
    const day = until ? formatDay(until) : null;
    return (
      <section className="card stack">
        <h2>
          <Trans>How was it?</Trans>
        </h2>
        <p className="muted">
          {day ? t`Rate the maker for other buyers (until ${day}).` : t`Rate the maker for other buyers.`}
        </p>
        <button type="button" className="btn btn-primary btn-block" onClick={() => setOpen(true)}>
          <Trans>Leave a review</Trans>
        </button>
      </section>
    );
  }
  return (
    <form className="card stack" onSubmit={submit} aria-label={t`Leave a review`}>
      <h2>
        <Trans>Leave a review</Trans>
      </h2>
      <fieldset className="star-picker">
        <legend>
          <Trans>Your rating</Trans>
        </legend>
        {LABELS.map((descriptor, i) => {
          const value = i + 1;
          const label = i18n._(descriptor);
          return (
            <label key={value} className="star-option" data-lit={value <= rating || undefined} title={label}>
              <input
                type="radio"
                name={`${id}-rating`}
                className="visually-hidden"
                value={value}
                checked={rating === value}
                onChange={() => setRating(value)}
              />
              <span aria-hidden="true">★</span>
              <span className="visually-hidden">
                <Plural value={value} one={`# star: ${label}`} other={`# stars: ${label}`} />
              </span>
            </label>
          );
        })}
      </fieldset>
      <label htmlFor={`${id}-text`}>
        <Trans>What did you think? (optional)</Trans>
      </label>
      <textarea
        id={`${id}-text`}
        className="textarea"
        value={text}
        maxLength={MAX_LENGTH}
        aria-describedby={`${id}-count`}
        onChange={(e) => setText(e.target.value)}
      />
      <span id={`${id}-count`} className="hint">
        {[...text].length} / {MAX_LENGTH}
      </span>
      <FormError error={post.error} />
      <button type="submit" className="btn btn-primary btn-block" disabled={post.isPending || rating < 1}>
        {post.isPending ? t`Sending…` : t`Post review`}
      </button>
    </form>
  );
}

/**
 * The review of a delivered order: the buyer writes it (once, for 60 days), the maker reads it and
 * answers once.
 */
export function OrderReview({
  order,
  viewerId,
}: {
  order: { id: string; status: string; buyerId: string; makerId: string };
  viewerId: string | null;
}) {
  const isBuyer = viewerId === order.buyerId;
  const isMaker = viewerId === order.makerId;
  const delivered = order.status === 'delivered' || order.status === 'completed';
  const review = useOrderReviewQuery(order.id, delivered && (isBuyer || isMaker));
  const data = review.data;
  const { t } = useLingui();
  if (!data) return null;
  if (data.review)
    return (
      <section className="stack" aria-labelledby="order-review">
        <h2 id="order-review">{isBuyer ? t`Your review` : t`The buyer’s review`}</h2>
        <ReviewCard review={data.review} canReply={isMaker} canReport={false} />
      </section>
    );
  if (isBuyer && data.canReview) return <ReviewForm orderId={order.id} until={data.reviewableUntil} />;
  return null;
}
