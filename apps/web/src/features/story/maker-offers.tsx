import { messageOf } from '../../shared/api/api-error';
import { formatMoney } from '../../shared/money';
import { useDecideOfferMutation } from '../../shared/queries/auction/use-decide-offer-mutation';
import { useStoryOffersQuery } from '../../shared/queries/auction/use-story-offers-query';
import { formatAgo } from '../../shared/time/format';

/** For the maker: offers held below the minimum, to accept (opens the auction) or decline. */
export function MakerOffers({ storyId }: { storyId: string }) {
  const offers = useStoryOffersQuery(storyId, true);
  const decide = useDecideOfferMutation();
  const pending = offers.data?.filter((o) => o.status === 'pending') ?? [];
  if (pending.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="maker-offers-title">
      <h2 id="maker-offers-title">Offers waiting for you</h2>
      <ul className="list">
        {pending.map((o) => (
          <li key={o.id} className="row-between">
            <span className="stack">
              <strong className="amount">{formatMoney(o.amountMinor, o.currency)}</strong>
              <span className="subtle">{formatAgo(o.createdAt)}</span>
            </span>
            <span className="row">
              <button
                type="button"
                className="btn btn-primary btn-small"
                disabled={decide.isPending}
                onClick={() => decide.mutate({ offerId: o.id, storyId, decision: 'accept' })}
              >
                Accept {formatMoney(o.amountMinor, o.currency)}
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                disabled={decide.isPending}
                onClick={() => decide.mutate({ offerId: o.id, storyId, decision: 'decline' })}
              >
                Decline
              </button>
            </span>
          </li>
        ))}
      </ul>
      {decide.isError && (
        <p role="alert" className="field-error">
          {messageOf(decide.error)}
        </p>
      )}
    </section>
  );
}
