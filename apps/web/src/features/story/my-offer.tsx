import { Trans } from '@lingui/react/macro';
import type { ReactNode } from 'react';
import type { Offer } from '../../shared/api/types';
import { formatMoney } from '../../shared/money';
import { useWithdrawOfferMutation } from '../../shared/queries/auction/use-withdraw-offer-mutation';
import { formatAgo } from '../../shared/time/format';
import { FormError } from '../../shared/ui/states';

/** Where the offer stands, as one sentence around its amount; null for a state not shown here. */
function stateText(status: Offer['status'], amount: string): ReactNode {
  switch (status) {
    case 'pending':
      return (
        <Trans>
          Your offer of <strong className="amount">{amount}</strong> is with the maker
        </Trans>
      );
    case 'declined':
      return (
        <Trans>
          Your offer of <strong className="amount">{amount}</strong> was declined by the maker
        </Trans>
      );
    case 'withdrawn':
      return (
        <Trans>
          Your offer of <strong className="amount">{amount}</strong> was withdrawn
        </Trans>
      );
    case 'superseded':
      return (
        <Trans>
          Your offer of <strong className="amount">{amount}</strong> lapsed when another offer opened the auction
        </Trans>
      );
    case 'opened_auction':
      // The auction shows instead.
      return null;
  }
}

/** The viewer's latest offer on this story, as the server has it, with a way to withdraw it while it waits. */
export function MyOffer({ offer }: { offer: Offer }) {
  const withdraw = useWithdrawOfferMutation();
  const text = stateText(offer.status, formatMoney(offer.amountMinor, offer.currency));
  if (!text) return null;
  const pending = offer.status === 'pending';
  return (
    <div className={`stack alert ${pending ? 'alert-info' : ''}`} data-testid="my-offer" data-status={offer.status}>
      <p>
        {text}
        <span> · {formatAgo(offer.decidedAt ?? offer.createdAt)}</span>
      </p>
      {pending && (
        <>
          <FormError error={withdraw.error} />
          <button
            type="button"
            className="btn btn-secondary btn-block"
            disabled={withdraw.isPending}
            onClick={() => withdraw.mutate({ offerId: offer.id, storyId: offer.storyId })}
          >
            {withdraw.isPending ? <Trans>Withdrawing…</Trans> : <Trans>Withdraw offer</Trans>}
          </button>
        </>
      )}
    </div>
  );
}

/** The newest of the viewer's offers (the server lists them oldest or newest first: sort here). */
export function latestOffer(offers: Offer[] | undefined): Offer | null {
  if (!offers || offers.length === 0) return null;
  return [...offers].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0] ?? null;
}
