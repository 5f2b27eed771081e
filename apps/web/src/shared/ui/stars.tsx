import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { formatTag } from '../i18n/i18n';
import { useMakerProfileQuery } from '../queries/maker/use-maker-profile-query';
import './reviews.css';

/** "4.3": an average with one decimal, in the viewer's locale. */
const oneDecimal = (value: number) =>
  new Intl.NumberFormat(formatTag(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
const whole = (value: number) => new Intl.NumberFormat(formatTag()).format(value);

/** A rating of 1 to 5 as stars, read out as "4 of 5 stars". */
export function Stars({ rating }: { rating: number }) {
  const { t } = useLingui();
  const filled = Math.round(rating);
  const stars = oneDecimal(rating);
  return (
    <span className="stars" role="img" aria-label={t`${stars} of 5 stars`}>
      {'★'.repeat(filled)}
      <span className="stars-empty">{'★'.repeat(5 - filled)}</span>
    </span>
  );
}

/** A maker's average and count, or "No reviews yet". */
export function RatingSummary({ rating }: { rating: { average: number | null; count: number } }) {
  if (rating.average === null || rating.count === 0)
    return (
      <span className="muted">
        <Trans>No reviews yet</Trans>
      </span>
    );
  const average = oneDecimal(rating.average);
  const reviews = rating.count;
  return (
    <span className="maker-rating" data-testid="maker-rating">
      <Stars rating={rating.average} />
      <span>
        <Plural value={reviews} one={`${average} of 5 (# review)`} other={`${average} of 5 (# reviews)`} />
      </span>
    </span>
  );
}

/** A maker's rating in a few characters (★ 4.3 (12)), beside their name on the story page; nothing without reviews. */
export function MakerRating({ makerId }: { makerId: string }) {
  const profile = useMakerProfileQuery(makerId);
  const rating = profile.data?.rating;
  if (!rating || rating.average === null || rating.count === 0) return null;
  const average = oneDecimal(rating.average);
  const reviews = rating.count;
  return (
    <span className="maker-rating" data-testid="maker-rating">
      <span aria-hidden="true">
        <span className="stars">★</span> {average} <span className="muted">({whole(rating.count)})</span>
      </span>
      <span className="visually-hidden">
        <Plural
          value={reviews}
          one={`Rated ${average} of 5 from # review`}
          other={`Rated ${average} of 5 from # reviews`}
        />
      </span>
    </span>
  );
}
