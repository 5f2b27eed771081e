import { useId, useState, type FormEvent } from 'react';
import type { Bid } from '../../shared/api/types';
import { formatMoney } from '../../shared/money';
import { useVoidBidMutation } from '../../shared/queries/auction/use-void-bid-mutation';
import { FormError } from '../../shared/ui/states';

/** Admin: voids one bid as fraudulent, with the reason the audit log keeps. */
export function VoidBid({ auctionId, bid, currency }: { auctionId: string; bid: Bid; currency: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const voidBid = useVoidBidMutation();
  const label = `${bid.bidderAlias}’s bid of ${formatMoney(bid.amountMinor, currency)}`;

  if (!open) {
    return (
      <button
        type="button"
        className="btn btn-ghost btn-small"
        onClick={() => setOpen(true)}
        aria-label={`Void ${label}`}
      >
        Void
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) return setError('Give the reason (at least 3 characters).');
    setError(null);
    voidBid.mutate({ auctionId, bidId: bid.id, reason: reason.trim() }, { onSuccess: () => setOpen(false) });
  };
  return (
    <form className="stack void-bid" onSubmit={submit} noValidate aria-label={`Void ${label}`}>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Why void {label}?</label>
        <input
          id={`${id}-reason`}
          className="input"
          value={reason}
          maxLength={500}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {error && (
          <span className="field-error" role="alert">
            {error}
          </span>
        )}
      </div>
      <FormError error={voidBid.error} />
      <span className="row">
        <button type="submit" className="btn btn-danger btn-small" disabled={voidBid.isPending}>
          {voidBid.isPending ? 'Voiding…' : 'Void bid'}
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setOpen(false)}>
          Keep it
        </button>
      </span>
    </form>
  );
}
