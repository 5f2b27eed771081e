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
  if (!option) return { ships: false, text: `Does not ship to ${where}.` };
  const price = option.amountMinor === 0 ? 'Free shipping' : `Shipping ${formatMoney(option.amountMinor, currency)}`;
  const days = option.dispatchDays === 1 ? '1 day' : `${option.dispatchDays} days`;
  return { ships: true, text: `${price} to ${where}, dispatched within ${days}.` };
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
  if (!shipping) return null;
  const quote = country ? shippingQuoteText(shipping, country, currency) : null;
  return (
    <section className="card shipping-line" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="subtle">
        Shipping from {countryName(shipping.fromCountry)}
      </h2>
      <div className="field">
        <label htmlFor={`${id}-country`}>Ship to</label>
        <select
          id={`${id}-country`}
          className="input"
          value={country ?? ''}
          onChange={(e) => onCountryChange(e.target.value)}
        >
          {!country && <option value="">Choose your country</option>}
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
        <p className="hint">Choose where the piece would go to see its shipping price.</p>
      )}
    </section>
  );
}
