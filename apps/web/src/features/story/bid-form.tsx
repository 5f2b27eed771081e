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
  const [error, setError] = useState<string | null>(null);

  // Follow the live minimum until the bidder types their own amount.
  useEffect(() => {
    if (!edited) setAmount(toMajorInput(minNextBidMinor, currency));
  }, [minNextBidMinor, currency, edited]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amountMinor = parseMoneyInput(amount, currency);
    if (amountMinor === null) return setError('Enter an amount, like 120 or 120.50.');
    if (amountMinor < minNextBidMinor) return setError(`Bid at least ${formatMoney(minNextBidMinor, currency)}.`);
    let maxAmountMinor: number | undefined;
    if (useMax) {
      const parsed = parseMoneyInput(max, currency);
      if (parsed === null || parsed < amountMinor) return setError('Your maximum must be at least your bid.');
      maxAmountMinor = parsed;
    }
    setError(null);
    setEdited(false);
    onSubmit({ amountMinor, maxAmountMinor });
  };

  const parsedAmount = parseMoneyInput(amount, currency);
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Place a bid">
      <div className="field">
        <label htmlFor={`${id}-amount`}>Your bid ({currency})</label>
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
          Minimum next bid <strong data-testid="min-next-bid">{formatMoney(minNextBidMinor, currency)}</strong>
        </span>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={useMax} onChange={(e) => setUseMax(e.target.checked)} />
        Bid for me automatically, up to a maximum
      </label>
      {useMax && (
        <div className="field">
          <label htmlFor={`${id}-max`}>Maximum bid ({currency})</label>
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
            Kept private. We bid the least needed to keep you ahead, up to this amount.
          </span>
        </div>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary btn-block" disabled={pending}>
        {pending ? 'Placing bid…' : `Place bid${parsedAmount ? ` ${formatMoney(parsedAmount, currency)}` : ''}`}
      </button>
    </form>
  );
}
