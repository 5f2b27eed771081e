import { useId } from 'react';
import { CURRENCIES, formatMoney } from '../../shared/money';
import { MoneyField } from './money-field';
import { ShippingEditor } from './shipping-editor';
import type { StepProps } from './studio-steps';

/** Step 6: the offer policy (minimum, currency, auto-reject), a hidden reserve and a buy-now price. */
export function PricingStep({ story, studio }: StepProps) {
  const id = useId();
  const { fields, setFields } = studio;
  const locked = story.auction !== null && story.auction.state === 'active';
  const { currency, minOfferMinor, reserveMinor, buyNowMinor } = fields;
  const warnings: string[] = [];
  if (minOfferMinor === null) warnings.push('Set a minimum offer: viewers cannot make offers without one.');
  if (reserveMinor !== null && minOfferMinor !== null && reserveMinor < minOfferMinor)
    warnings.push('The reserve is below the minimum offer, so it will always be met.');
  if (buyNowMinor !== null && minOfferMinor !== null && buyNowMinor <= minOfferMinor)
    warnings.push('The buy-now price is usually above the minimum offer.');

  return (
    <fieldset className="stack plain-fieldset" disabled={locked}>
      <legend>
        <h2>Pricing</h2>
      </legend>
      {locked && (
        <p className="alert alert-info" role="status">
          The auction is running: the offer policy and shipping cannot change until it ends.
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-currency`}>Currency</label>
        <select
          id={`${id}-currency`}
          className="select"
          value={currency}
          onChange={(e) => setFields({ currency: e.target.value })}
        >
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <MoneyField
        label="Minimum offer"
        hint="The first offer at or above this starts a 72-hour auction."
        currency={currency}
        valueMinor={minOfferMinor}
        onChange={(v) => setFields({ minOfferMinor: v })}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={fields.autoRejectBelowMin}
          onChange={(e) => setFields({ autoRejectBelowMin: e.target.checked })}
        />
        Turn down offers below the minimum automatically
      </label>
      <MoneyField
        label="Reserve price"
        hint="Hidden. Below it, you decide whether to sell when the auction ends. Optional."
        currency={currency}
        valueMinor={reserveMinor}
        optional
        onChange={(v) => setFields({ reserveMinor: v })}
      />
      <MoneyField
        label="Buy-now price"
        hint="Lets someone buy at once, until the first offer starts the auction. Optional."
        currency={currency}
        valueMinor={buyNowMinor}
        optional
        onChange={(v) => setFields({ buyNowMinor: v })}
      />
      {minOfferMinor !== null && (
        <p className="subtle">
          Offers from {formatMoney(minOfferMinor, currency)}
          {buyNowMinor !== null ? ` · buy now ${formatMoney(buyNowMinor, currency)}` : ''}
        </p>
      )}
      {warnings.map((w) => (
        <p key={w} className="alert alert-info">
          {w}
        </p>
      ))}
      <ShippingEditor
        shipping={fields.shipping ?? null}
        currency={currency}
        defaultFrom={fields.location?.country.toUpperCase() ?? null}
        onChange={(shipping) => setFields({ shipping })}
      />
    </fieldset>
  );
}
