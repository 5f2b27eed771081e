import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { useId, useState, type FormEvent } from 'react';
import type { Bid } from '../../shared/api/types';
import { formatMoney } from '../../shared/money';
import { useVoidBidMutation } from '../../shared/queries/auction/use-void-bid-mutation';
import { FormError } from '../../shared/ui/states';

/** The shortest reason the audit log accepts. */
const MIN_REASON = 3;

/** Admin: voids one bid as fraudulent, with the reason the audit log keeps. */
export function VoidBid({ auctionId, bid, currency }: { auctionId: string; bid: Bid; currency: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState(false);
  const voidBid = useVoidBidMutation();
  const { t } = useLingui();
  const bidder = bid.bidderAlias;
  const minimum = MIN_REASON;
  const amount = formatMoney(bid.amountMinor, currency);
  const voidLabel = t`Void ${bidder}’s bid of ${amount}`;

  if (!open) {
    return (
      <button type="button" className="btn btn-ghost btn-small" onClick={() => setOpen(true)} aria-label={voidLabel}>
        <Trans>Void</Trans>
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < MIN_REASON) return setError(true);
    setError(false);
    voidBid.mutate({ auctionId, bidId: bid.id, reason: reason.trim() }, { onSuccess: () => setOpen(false) });
  };
  return (
    <form className="stack void-bid" onSubmit={submit} noValidate aria-label={voidLabel}>
      <div className="field">
        <label htmlFor={`${id}-reason`}>
          <Trans>
            Why void {bidder}’s bid of {amount}?
          </Trans>
        </label>
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
            <Trans>
              Give the reason (at least <Plural value={minimum} one="# character" other="# characters" />
              ).
            </Trans>
          </span>
        )}
      </div>
      <FormError error={voidBid.error} />
      <span className="row">
        <button type="submit" className="btn btn-danger btn-small" disabled={voidBid.isPending}>
          {voidBid.isPending ? <Trans>Voiding…</Trans> : <Trans>Void bid</Trans>}
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setOpen(false)}>
          <Trans>Keep it</Trans>
        </button>
      </span>
    </form>
  );
}
