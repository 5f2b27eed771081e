import { shippingPolicyProblem, type ShippingOption, type ShippingPolicy } from '@vw/domain';
import { useId } from 'react';
import { countryChoices } from '../../shared/shipping/countries';
import { MoneyField } from './money-field';

const NEW_OPTION: ShippingOption = { region: 'domestic', amountMinor: 0, dispatchDays: 3 };

/**
 * Where the piece ships from and how: domestic, international (everywhere else) or listed
 * countries, each with its price and dispatch time. Buyers see the price for their country
 * before they offer or bid; a country no option serves cannot buy.
 */
export function ShippingEditor({
  shipping,
  currency,
  defaultFrom,
  onChange,
}: {
  shipping: ShippingPolicy | null;
  currency: string;
  /** The country to start from (the story's location), before the maker chooses one. */
  defaultFrom: string | null;
  onChange: (shipping: ShippingPolicy | null) => void;
}) {
  const id = useId();
  const countries = countryChoices();
  if (!shipping) {
    return (
      <div className="stack">
        <h3>Shipping</h3>
        <p className="hint">Buyers see what shipping costs to them before they offer. Publishing needs it.</p>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => onChange({ fromCountry: defaultFrom ?? 'US', options: [NEW_OPTION] })}
        >
          Add shipping
        </button>
      </div>
    );
  }
  const setOption = (index: number, patch: Partial<ShippingOption>) =>
    onChange({ ...shipping, options: shipping.options.map((o, i) => (i === index ? { ...o, ...patch } : o)) });
  const used = new Set(shipping.options.map((o) => o.region));
  const nextRegion = !used.has('domestic') ? 'domestic' : !used.has('international') ? 'international' : null;
  const problem = shippingPolicyProblem(shipping);
  return (
    <fieldset className="stack plain-fieldset shipping-editor">
      <legend>
        <h3>Shipping</h3>
      </legend>
      <div className="field">
        <label htmlFor={`${id}-from`}>Ships from</label>
        <select
          id={`${id}-from`}
          className="select"
          value={shipping.fromCountry}
          onChange={(e) => onChange({ ...shipping, fromCountry: e.target.value })}
        >
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <ol className="stack shipping-options" aria-label="Shipping options">
        {shipping.options.map((option, index) => (
          <li key={index} className="card stack">
            <div className="field">
              <label htmlFor={`${id}-region-${index}`}>Ships to</label>
              <select
                id={`${id}-region-${index}`}
                className="select"
                value={option.region}
                onChange={(e) => setOption(index, { region: e.target.value })}
              >
                <option value="domestic">Within the country it ships from</option>
                <option value="international">Everywhere else</option>
                <optgroup label="One country">
                  {countries
                    .filter((c) => c.code !== shipping.fromCountry)
                    .map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}
                      </option>
                    ))}
                </optgroup>
              </select>
            </div>
            <MoneyField
              label="Price"
              hint="0 for free shipping"
              currency={currency}
              valueMinor={option.amountMinor}
              onChange={(v) => setOption(index, { amountMinor: v ?? 0 })}
            />
            <div className="field">
              <label htmlFor={`${id}-days-${index}`}>Dispatched within (days)</label>
              <input
                id={`${id}-days-${index}`}
                className="input"
                type="number"
                inputMode="numeric"
                min={1}
                max={60}
                value={option.dispatchDays}
                onChange={(e) => setOption(index, { dispatchDays: Math.trunc(Number(e.target.value)) })}
              />
            </div>
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => onChange({ ...shipping, options: shipping.options.filter((_, i) => i !== index) })}
            >
              Remove this option
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() =>
          onChange({
            ...shipping,
            options: [
              ...shipping.options,
              { ...NEW_OPTION, region: nextRegion ?? firstFree(countries, used, shipping) },
            ],
          })
        }
      >
        Add a shipping option
      </button>
      {problem && (
        <p className="alert alert-info" role="status">
          Shipping is not saved until it is complete: {problem}.
        </p>
      )}
    </fieldset>
  );
}

function firstFree(countries: { code: string }[], used: Set<string>, shipping: ShippingPolicy): string {
  return countries.find((c) => !used.has(c.code) && c.code !== shipping.fromCountry)?.code ?? 'international';
}
