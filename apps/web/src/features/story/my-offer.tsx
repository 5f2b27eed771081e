import type { Offer } from '../../shared/api/types';
import { formatMoney } from '../../shared/money';
import { useWithdrawOfferMutation } from '../../shared/queries/auction/use-withdraw-offer-mutation';
import { formatAgo } from '../../shared/time/format';
import { FormError } from '../../shared/ui/states';

const STATE_TEXT: Partial<Record<Offer['status'], string>> = {
  pending: 'is with the maker',
  declined: 'was declined by the maker',
  withdrawn: 'was withdrawn',
  superseded: 'lapsed when another offer opened the auction',
};

/** The viewer's latest offer on this story, as the server has it, with a way to withdraw it while it waits. */
export function MyOffer({ offer }: { offer: Offer }) {
  const withdraw = useWithdrawOfferMutation();
  const text = STATE_TEXT[offer.status];
  if (!text) return null;
  const pending = offer.status === 'pending';
  return (
    <div className={`stack alert ${pending ? 'alert-info' : ''}`} data-testid="my-offer" data-status={offer.status}>
      <p>
        Your offer of <strong className="amount">{formatMoney(offer.amountMinor, offer.currency)}</strong> {text}
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
            {withdraw.isPending ? 'Withdrawing…' : 'Withdraw offer'}
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
