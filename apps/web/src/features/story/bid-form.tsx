import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { formatMoney, parseMoneyInput, toMajorInput } from '../../shared/money';

export interface BidSubmission {
  amountMinor: number;
  maxAmountMinor?: number;
}

/** Amount (prefilled with the minimum next bid) and an optional proxy maximum. */
export function BidForm({
  minNextBidMinor,
  currency,
  pending,
  onSubmit,
}: {
  minNextBidMinor: number;
  currency: string;
  pending: boolean;
  onSubmit: (bid: BidSubmission) => void;
}) {
  const id = useId();
  const [amount, setAmount] = useState(() => toMajorInput(minNextBidMinor, currency));
  const [edited, setEdited] = useState(false);
  const [useMax, setUseMax] = useState(false);
  const [max, setMax] = useState('');
  const [error, setError] = useState<MessageDescriptor | null>(null);
  const { t } = useLingui();

  // Follow the live minimum until the bidder types their own amount.
  useEffect(() => {
    if (!edited) setAmount(toMajorInput(minNextBidMinor, currency));
  }, [minNextBidMinor, currency, edited]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amountMinor = parseMoneyInput(amount, currency);
    if (amountMinor === null) {
      // The example is written with the viewer's decimal mark ("120.50", "120,50").
      const example = toMajorInput(12_050, 'EUR');
      return setError(msg`Enter an amount, like 120 or ${example}.`);
    }
    if (amountMinor < minNextBidMinor) {
      const minimum = formatMoney(minNextBidMinor, currency);
      return setError(msg`Bid at least ${minimum}.`);
    }
    let maxAmountMinor: number | undefined;
    if (useMax) {
      const parsed = parseMoneyInput(max, currency);
      if (parsed === null || parsed < amountMinor) return setError(msg`Your maximum must be at least your bid.`);
      maxAmountMinor = parsed;
    }
    setError(null);
    setEdited(false);
    onSubmit({ amountMinor, maxAmountMinor });
  };

  const parsedAmount = parseMoneyInput(amount, currency);
  const minimum = formatMoney(minNextBidMinor, currency);
  const price = parsedAmount ? formatMoney(parsedAmount, currency) : null;
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t`Place a bid`}>
      <div className="field">
        <label htmlFor={`${id}-amount`}>
          <Trans>Your bid ({currency})</Trans>
        </label>
        <input
          id={`${id}-amount`}
          className="input input-money"
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          aria-describedby={`${id}-min`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setEdited(true);
            setAmount(e.target.value);
          }}
        />
        <span id={`${id}-min`} className="hint">
          <Trans>
            Minimum next bid <strong data-testid="min-next-bid">{minimum}</strong>
          </Trans>
        </span>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={useMax} onChange={(e) => setUseMax(e.target.checked)} />
        <Trans>Bid for me automatically, up to a maximum</Trans>
      </label>
      {useMax && (
        <div className="field">
          <label htmlFor={`${id}-max`}>
            <Trans>Maximum bid ({currency})</Trans>
          </label>
          <input
            id={`${id}-max`}
            className="input input-money"
            inputMode="decimal"
            autoComplete="off"
            value={max}
            aria-describedby={`${id}-max-hint`}
            onChange={(e) => setMax(e.target.value)}
          />
          <span id={`${id}-max-hint`} className="hint">
            <Trans>Kept private. We bid the least needed to keep you ahead, up to this amount.</Trans>
          </span>
        </div>
      )}
      {error && (
        <p role="alert" className="field-error">
          {t(error)}
        </p>
      )}
      <button type="submit" className="btn btn-primary btn-block" disabled={pending}>
        {pending ? t`Placing bid…` : price ? t`Place bid ${price}` : t`Place bid`}
      </button>
    </form>
  );
}
