import { useMakerProfileQuery } from '../queries/maker/use-maker-profile-query';
import './reviews.css';

const count = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'review' : 'reviews'}`;

/** A rating of 1 to 5 as stars, read out as "4 of 5 stars". */
export function Stars({ rating }: { rating: number }) {
  const whole = Math.round(rating);
  return (
    <span className="stars" role="img" aria-label={`${rating} of 5 stars`}>
      {'★'.repeat(whole)}
      <span className="stars-empty">{'★'.repeat(5 - whole)}</span>
    </span>
  );
}

/** A maker's average and count, or "No reviews yet". */
export function RatingSummary({ rating }: { rating: { average: number | null; count: number } }) {
  if (rating.average === null || rating.count === 0) return <span className="muted">No reviews yet</span>;
  return (
    <span className="maker-rating" data-testid="maker-rating">
      <Stars rating={rating.average} />
      <span>
        {rating.average.toFixed(1)} of 5 ({count(rating.count)})
      </span>
    </span>
  );
}

/** A maker's rating in a few characters (★ 4.3 (12)), beside their name on the story page; nothing without reviews. */
export function MakerRating({ makerId }: { makerId: string }) {
  const profile = useMakerProfileQuery(makerId);
  const rating = profile.data?.rating;
  if (!rating || rating.average === null || rating.count === 0) return null;
  const average = rating.average.toFixed(1);
  return (
    <span className="maker-rating" data-testid="maker-rating">
      <span aria-hidden="true">
        <span className="stars">★</span> {average} <span className="muted">({rating.count.toLocaleString()})</span>
      </span>
      <span className="visually-hidden">
        Rated {average} of 5 from {count(rating.count)}
      </span>
    </span>
  );
}
