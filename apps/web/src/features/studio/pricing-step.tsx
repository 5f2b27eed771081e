import { Trans, useLingui } from '@lingui/react/macro';
import { useId } from 'react';
import { CURRENCIES, formatMoney } from '../../shared/money';
import { MoneyField } from './money-field';
import { ShippingEditor } from './shipping-editor';
import type { StepProps } from './studio-steps';

/** Step 6: the offer policy (minimum, currency, auto-reject), a hidden reserve and a buy-now price. */
export function PricingStep({ story, studio }: StepProps) {
  const { t } = useLingui();
  const id = useId();
  const { fields, setFields } = studio;
  const locked = story.auction !== null && story.auction.state === 'active';
  const { currency, minOfferMinor, reserveMinor, buyNowMinor } = fields;
  const warnings: string[] = [];
  if (minOfferMinor === null) warnings.push(t`Set a minimum offer: viewers cannot make offers without one.`);
  if (reserveMinor !== null && minOfferMinor !== null && reserveMinor < minOfferMinor)
    warnings.push(t`The reserve is below the minimum offer, so it will always be met.`);
  if (buyNowMinor !== null && minOfferMinor !== null && buyNowMinor <= minOfferMinor)
    warnings.push(t`The buy-now price is usually above the minimum offer.`);
  const minOffer = minOfferMinor !== null ? formatMoney(minOfferMinor, currency) : null;
  const buyNow = buyNowMinor !== null ? formatMoney(buyNowMinor, currency) : null;

  return (
    <fieldset className="stack plain-fieldset" disabled={locked}>
      <legend>
        <h2>{t({ message: 'Pricing', context: 'studio step' })}</h2>
      </legend>
      {locked && (
        <p className="alert alert-info" role="status">
          <Trans>The auction is running: the offer policy and shipping cannot change until it ends.</Trans>
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-currency`}>
          <Trans>Currency</Trans>
        </label>
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
        label={t`Minimum offer`}
        hint={t`The first offer at or above this starts a 72-hour auction.`}
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
        <Trans>Turn down offers below the minimum automatically</Trans>
      </label>
      <MoneyField
        label={t`Reserve price`}
        hint={t`Hidden. Below it, you decide whether to sell when the auction ends. Optional.`}
        currency={currency}
        valueMinor={reserveMinor}
        optional
        onChange={(v) => setFields({ reserveMinor: v })}
      />
      <MoneyField
        label={t`Buy-now price`}
        hint={t`Lets someone buy at once, until the first offer starts the auction. Optional.`}
        currency={currency}
        valueMinor={buyNowMinor}
        optional
        onChange={(v) => setFields({ buyNowMinor: v })}
      />
      {minOffer !== null && (
        <p className="subtle">
          {buyNow !== null ? t`Offers from ${minOffer} · buy now ${buyNow}` : t`Offers from ${minOffer}`}
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
