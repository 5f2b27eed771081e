import { plural, t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { shippingOptionFor, type ShippingPolicy } from '@vw/domain';
import { useId } from 'react';
import { formatMoney } from '../../shared/money';
import { countryChoices, countryName } from '../../shared/shipping/countries';

/** What shipping costs to the viewer's country: free, a price, or that the piece does not ship there. */
export function shippingQuoteText(
  shipping: ShippingPolicy,
  country: string,
  currency: string,
): { ships: boolean; text: string } {
  const option = shippingOptionFor(shipping, country);
  const where = countryName(country);
  if (!option) return { ships: false, text: t`Does not ship to ${where}.` };
  const days = option.dispatchDays;
  if (option.amountMinor === 0) {
    return {
      ships: true,
      text: t`Free shipping to ${where}, dispatched within ${plural(days, { one: '# day', other: '# days' })}.`,
    };
  }
  const price = formatMoney(option.amountMinor, currency);
  return {
    ships: true,
    text: t`Shipping ${price} to ${where}, dispatched within ${plural(days, { one: '# day', other: '# days' })}.`,
  };
}

/**
 * The shipping price for the viewer's country, shown before any offer or bid, with the country
 * they can change (it is what their offers, bids and buy-now are quoted for).
 */
export function ShippingLine({
  shipping,
  currency,
  country,
  onCountryChange,
}: {
  shipping: ShippingPolicy | null;
  currency: string;
  country: string | null;
  onCountryChange: (country: string) => void;
}) {
  const id = useId();
  const { t } = useLingui();
  if (!shipping) return null;
  const quote = country ? shippingQuoteText(shipping, country, currency) : null;
  const from = countryName(shipping.fromCountry);
  return (
    <section className="card shipping-line" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="subtle">
        <Trans>Shipping from {from}</Trans>
      </h2>
      <div className="field">
        <label htmlFor={`${id}-country`}>
          <Trans context="country">Ship to</Trans>
        </label>
        <select
          id={`${id}-country`}
          className="input"
          value={country ?? ''}
          onChange={(e) => onCountryChange(e.target.value)}
        >
          {!country && <option value="">{t`Choose your country`}</option>}
          {countryChoices().map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {quote ? (
        <p
          data-testid="shipping-quote"
          className={quote.ships ? 'shipping-quote' : 'alert alert-info'}
          role={quote.ships ? undefined : 'status'}
        >
          {quote.text}
        </p>
      ) : (
        <p className="hint">
          <Trans>Choose where the piece would go to see its shipping price.</Trans>
        </p>
      )}
    </section>
  );
}
