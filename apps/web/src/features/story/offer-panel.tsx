import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
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
  const [error, setError] = useState<MessageDescriptor | null>(null);
  /** The viewer's offer opened the auction. */
  const [opened, setOpened] = useState(false);
  const { t } = useLingui();
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
        <h2>
          <Trans>Not for sale yet</Trans>
        </h2>
        <p className="muted">
          <Trans>The maker has not set how they take offers.</Trans>
        </p>
      </section>
    );
  }
  const parsed = parseMoneyInput(amount, currency);
  const belowMin = parsed !== null && parsed < policy.minOfferMinor;
  const minimum = formatMoney(policy.minOfferMinor, currency);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (parsed === null) {
      // The example is written with the viewer's decimal mark ("120.50", "120,50").
      const example = toMajorInput(12_050, 'EUR');
      return setError(msg`Enter an amount, like 120 or ${example}.`);
    }
    if (belowMin && policy.autoRejectBelowMin) return setError(msg`The minimum offer is ${minimum}.`);
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
          if (result.auction) setOpened(true);
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

  const buyNowPrice = story.buyNowMinor !== null ? formatMoney(story.buyNowMinor, currency) : null;
  const failure = error ? t(error) : offer.isError ? messageOf(offer.error, { currency }) : null;

  return (
    <section className="card offer-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <Trans>Make an offer</Trans>
      </h2>
      <p className="muted">
        <Trans>
          Offers from <strong className="amount">{minimum}</strong>. The first offer at or above the minimum starts a
          72-hour auction.
        </Trans>
      </p>
      {isMaker ? (
        <p className="subtle">
          <Trans>This is your story: offers will appear in your notifications.</Trans>
        </p>
      ) : !viewerId ? (
        <Link className="btn btn-primary btn-block" to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>
          <Trans>Sign in to make an offer</Trans>
        </Link>
      ) : waiting && mine ? (
        <MyOffer offer={mine} />
      ) : opened ? (
        <p className="alert alert-success" role="status">
          <Trans>Your offer opened the auction — you are the first bidder.</Trans>
        </p>
      ) : (
        <>
          {mine && <MyOffer offer={mine} />}
          <form className="stack" onSubmit={submit} noValidate aria-label={t`Make an offer`}>
            <div className="field">
              <label htmlFor={`${id}-amount`}>
                <Trans>Your offer ({currency})</Trans>
              </label>
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
                {belowMin && !policy.autoRejectBelowMin ? (
                  <Trans>Below the minimum: the maker decides whether to accept it.</Trans>
                ) : (
                  <Trans>Minimum offer {minimum}</Trans>
                )}
              </span>
            </div>
            {failure && (
              <p role="alert" className="field-error">
                {failure}
              </p>
            )}
            <button type="submit" className="btn btn-primary btn-block" disabled={offer.isPending}>
              {offer.isPending ? <Trans>Sending offer…</Trans> : <Trans>Make offer</Trans>}
            </button>
          </form>
        </>
      )}
      {buyNowPrice !== null && !isMaker && viewerId && (
        <>
          <hr className="divider" />
          <button type="button" className="btn btn-secondary btn-block" onClick={buy} disabled={buyNow.isPending}>
            <Trans>Buy now for {buyNowPrice}</Trans>
          </button>
          {buyNow.isError && (
            <p role="alert" className="field-error">
              {messageOf(buyNow.error, { currency })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
