import { plural, t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import {
  isCountryCode,
  MAX_DISPATCH_DAYS,
  MAX_SHIPPING_OPTIONS,
  shippingPolicyProblem,
  type ShippingOption,
  type ShippingPolicy,
} from '@vw/domain';
import { useId } from 'react';
import { countryChoices, countryName } from '../../shared/shipping/countries';
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
  const { t } = useLingui();
  const id = useId();
  const countries = countryChoices();
  if (!shipping) {
    return (
      <div className="stack">
        <h3>
          <Trans>Shipping</Trans>
        </h3>
        <p className="hint">
          <Trans>Buyers see what shipping costs to them before they offer. Publishing needs it.</Trans>
        </p>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => onChange({ fromCountry: defaultFrom ?? 'US', options: [NEW_OPTION] })}
        >
          <Trans>Add shipping</Trans>
        </button>
      </div>
    );
  }
  const setOption = (index: number, patch: Partial<ShippingOption>) =>
    onChange({ ...shipping, options: shipping.options.map((o, i) => (i === index ? { ...o, ...patch } : o)) });
  const used = new Set(shipping.options.map((o) => o.region));
  const nextRegion = !used.has('domestic') ? 'domestic' : !used.has('international') ? 'international' : null;
  const problem = shippingProblemText(shipping);
  return (
    <fieldset className="stack plain-fieldset shipping-editor">
      <legend>
        <h3>
          <Trans>Shipping</Trans>
        </h3>
      </legend>
      <div className="field">
        <label htmlFor={`${id}-from`}>
          <Trans>Ships from</Trans>
        </label>
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
      <ol className="stack shipping-options" aria-label={t`Shipping options`}>
        {shipping.options.map((option, index) => (
          <li key={index} className="card stack">
            <div className="field">
              <label htmlFor={`${id}-region-${index}`}>
                <Trans>Ships to</Trans>
              </label>
              <select
                id={`${id}-region-${index}`}
                className="select"
                value={option.region}
                onChange={(e) => setOption(index, { region: e.target.value })}
              >
                <option value="domestic">{t`Within the country it ships from`}</option>
                <option value="international">{t`Everywhere else`}</option>
                <optgroup label={t`One country`}>
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
              label={t`Price`}
              hint={t`0 for free shipping`}
              currency={currency}
              valueMinor={option.amountMinor}
              onChange={(v) => setOption(index, { amountMinor: v ?? 0 })}
            />
            <div className="field">
              <label htmlFor={`${id}-days-${index}`}>
                <Trans>Dispatched within (days)</Trans>
              </label>
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
              <Trans>Remove this option</Trans>
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
        <Trans>Add a shipping option</Trans>
      </button>
      {problem && (
        <p className="alert alert-info" role="status">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

function firstFree(countries: { code: string }[], used: Set<string>, shipping: ShippingPolicy): string {
  return countries.find((c) => !used.has(c.code) && c.code !== shipping.fromCountry)?.code ?? 'international';
}

/** Where an option ships to, as a buyer reads it. */
function regionName(region: string): string {
  if (region === 'domestic') return t`Within the country it ships from`;
  if (region === 'international') return t`Everywhere else`;
  return countryName(region);
}

/**
 * What still keeps the shipping from being saved, in the viewer's language (the checks of
 * `shippingPolicyProblem`, which has the last word), or null when it is complete.
 */
function shippingProblemText(policy: ShippingPolicy): string | null {
  const problem = shippingPolicyProblem(policy);
  if (problem === null) return null;
  if (!isCountryCode(policy.fromCountry)) {
    return t`Shipping is not saved until it is complete: choose the country it ships from.`;
  }
  if (policy.options.length === 0) {
    return t`Shipping is not saved until it is complete: add at least one shipping option.`;
  }
  if (policy.options.length > MAX_SHIPPING_OPTIONS) {
    const maxOptions = MAX_SHIPPING_OPTIONS;
    return plural(maxOptions, {
      one: 'Shipping is not saved until it is complete: keep at most # shipping option.',
      other: 'Shipping is not saved until it is complete: keep at most # shipping options.',
    });
  }
  const seen = new Set<string>();
  for (const option of policy.options) {
    if (option.region === policy.fromCountry) {
      return t`Shipping is not saved until it is complete: the country it ships from is covered by “Within the country it ships from”.`;
    }
    if (seen.has(option.region)) {
      const place = regionName(option.region);
      return t`Shipping is not saved until it is complete: “${place}” appears twice.`;
    }
    seen.add(option.region);
    if (!Number.isSafeInteger(option.amountMinor) || option.amountMinor < 0) {
      return t`Shipping is not saved until it is complete: each price must be 0 or more.`;
    }
    if (!Number.isInteger(option.dispatchDays) || option.dispatchDays < 1 || option.dispatchDays > MAX_DISPATCH_DAYS) {
      const maxDays = MAX_DISPATCH_DAYS;
      return plural(maxDays, {
        one: 'Shipping is not saved until it is complete: dispatch takes 1 to # day.',
        other: 'Shipping is not saved until it is complete: dispatch takes 1 to # days.',
      });
    }
  }
  return t`Shipping is not saved until it is complete: ${problem}.`;
}
