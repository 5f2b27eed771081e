import { Trans } from '@lingui/react/macro';
import { messageOf } from '../../shared/api/api-error';
import type { Offer } from '../../shared/api/types';
import { formatMoney } from '../../shared/money';
import { useDecideOfferMutation } from '../../shared/queries/auction/use-decide-offer-mutation';
import { useStoryOffersQuery } from '../../shared/queries/auction/use-story-offers-query';
import { formatAgo } from '../../shared/time/format';

/** One held offer: its amount, when it came, and the maker's two answers. */
function HeldOffer({
  offer,
  busy,
  onDecide,
}: {
  offer: Offer;
  busy: boolean;
  onDecide: (decision: 'accept' | 'decline') => void;
}) {
  const amount = formatMoney(offer.amountMinor, offer.currency);
  return (
    <li className="row-between">
      <span className="stack">
        <strong className="amount">{amount}</strong>
        <span className="subtle">{formatAgo(offer.createdAt)}</span>
      </span>
      <span className="row">
        <button type="button" className="btn btn-primary btn-small" disabled={busy} onClick={() => onDecide('accept')}>
          <Trans>Accept {amount}</Trans>
        </button>
        <button type="button" className="btn btn-ghost btn-small" disabled={busy} onClick={() => onDecide('decline')}>
          <Trans>Decline</Trans>
        </button>
      </span>
    </li>
  );
}

/** For the maker: offers held below the minimum, to accept (opens the auction) or decline. */
export function MakerOffers({ storyId }: { storyId: string }) {
  const offers = useStoryOffersQuery(storyId, true);
  const decide = useDecideOfferMutation();
  const pending = offers.data?.filter((o) => o.status === 'pending') ?? [];
  if (pending.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="maker-offers-title">
      <h2 id="maker-offers-title">
        <Trans>Offers waiting for you</Trans>
      </h2>
      <ul className="list">
        {pending.map((o) => (
          <HeldOffer
            key={o.id}
            offer={o}
            busy={decide.isPending}
            onDecide={(decision) => decide.mutate({ offerId: o.id, storyId, decision })}
          />
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
