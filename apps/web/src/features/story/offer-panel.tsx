import { useId, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { messageOf } from '../../shared/api/api-error';
import { newIdempotencyKey } from '../../shared/api/client';
import type { Story } from '../../shared/api/types';
import { formatMoney, parseMoneyInput, toMajorInput } from '../../shared/money';
import { useBuyNowMutation } from '../../shared/queries/auction/use-buy-now-mutation';
import { useMakeOfferMutation } from '../../shared/queries/auction/use-make-offer-mutation';
import { useStoryOffersQuery } from '../../shared/queries/auction/use-story-offers-query';
import { latestOffer, MyOffer } from './my-offer';

/** Before any auction: make an offer (the first qualifying one opens the auction) or buy now. */
export function OfferPanel({
  story,
  viewerId,
  shippingCountry = null,
}: {
  story: Story;
  viewerId: string | null;
  /** Where the piece would ship (null: the account's country decides). */
  shippingCountry?: string | null;
}) {
  const id = useId();
  const location = useLocation();
  const navigate = useNavigate();
  const policy = story.offerPolicy;
  const currency = policy?.currency ?? 'USD';
  const [amount, setAmount] = useState(() => (policy ? toMajorInput(policy.minOfferMinor, currency) : ''));
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const offer = useMakeOfferMutation();
  const buyNow = useBuyNowMutation();
  const isMaker = viewerId === story.makerId;
  // The viewer's own offers come from the server, so a reload still shows the one waiting on the maker.
  const myOffers = useStoryOffersQuery(story.id, viewerId !== null && !isMaker);
  const mine = latestOffer(myOffers.data);
  const waiting = mine?.status === 'pending';

  if (!policy) {
    return (
      <section className="card">
        <h2>Not for sale yet</h2>
        <p className="muted">The maker has not set how they take offers.</p>
      </section>
    );
  }
  const parsed = parseMoneyInput(amount, currency);
  const belowMin = parsed !== null && parsed < policy.minOfferMinor;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (parsed === null) return setError('Enter an amount, like 120 or 120.50.');
    if (belowMin && policy.autoRejectBelowMin) {
      return setError(`The minimum offer is ${formatMoney(policy.minOfferMinor, currency)}.`);
    }
    setError(null);
    offer.mutate(
      {
        storyId: story.id,
        amountMinor: parsed,
        currency,
        shippingCountry: shippingCountry ?? undefined,
        idempotencyKey: newIdempotencyKey(),
      },
      {
        // A held offer shows from the server's list of the viewer's offers (refetched on success).
        onSuccess: (result) => {
          if (result.auction) setSent('Your offer opened the auction — you are the first bidder.');
        },
      },
    );
  };

  const buy = () => {
    buyNow.mutate(
      { storyId: story.id, shippingCountry: shippingCountry ?? undefined, idempotencyKey: newIdempotencyKey() },
      {
        // The buyer's payment window: amount, time left to pay, the checkout, then the receipt.
        onSuccess: ({ paymentWindow }) => void navigate(`/payments/${paymentWindow.id}`),
      },
    );
  };

  return (
    <section className="card offer-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Make an offer</h2>
      <p className="muted">
        Offers from <strong className="amount">{formatMoney(policy.minOfferMinor, currency)}</strong>. The first offer
        at or above the minimum starts a 72-hour auction.
      </p>
      {isMaker ? (
        <p className="subtle">This is your story: offers will appear in your notifications.</p>
      ) : !viewerId ? (
        <Link className="btn btn-primary btn-block" to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>
          Sign in to make an offer
        </Link>
      ) : waiting && mine ? (
        <MyOffer offer={mine} />
      ) : sent ? (
        <p className="alert alert-success" role="status">
          {sent}
        </p>
      ) : (
        <>
          {mine && <MyOffer offer={mine} />}
          <form className="stack" onSubmit={submit} noValidate aria-label="Make an offer">
            <div className="field">
              <label htmlFor={`${id}-amount`}>Your offer ({currency})</label>
              <input
                id={`${id}-amount`}
                className="input input-money"
                inputMode="decimal"
                value={amount}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${id}-hint`}
                onChange={(e) => setAmount(e.target.value)}
              />
              <span id={`${id}-hint`} className="hint">
                {belowMin && !policy.autoRejectBelowMin
                  ? 'Below the minimum: the maker decides whether to accept it.'
                  : `Minimum offer ${formatMoney(policy.minOfferMinor, currency)}`}
              </span>
            </div>
            {(error || offer.isError) && (
              <p role="alert" className="field-error">
                {error ?? messageOf(offer.error)}
              </p>
            )}
            <button type="submit" className="btn btn-primary btn-block" disabled={offer.isPending}>
              {offer.isPending ? 'Sending offer…' : 'Make offer'}
            </button>
          </form>
        </>
      )}
      {story.buyNowMinor !== null && !isMaker && viewerId && (
        <>
          <hr className="divider" />
          <button type="button" className="btn btn-secondary btn-block" onClick={buy} disabled={buyNow.isPending}>
            Buy now for {formatMoney(story.buyNowMinor, currency)}
          </button>
          {buyNow.isError && (
            <p role="alert" className="field-error">
              {messageOf(buyNow.error)}
            </p>
          )}
        </>
      )}
    </section>
  );
}
