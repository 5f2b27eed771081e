import { isCountryCode } from './countries';

/**
 * Where a shipping option goes: `domestic` (within the country the piece ships from),
 * `international` (every other country), or one listed country (ISO 3166-1 alpha-2).
 */
export type ShippingRegion = 'domestic' | 'international' | (string & {});

export interface ShippingOption {
  region: ShippingRegion;
  /** In the story's currency; 0 is free shipping. */
  amountMinor: number;
  /** Working days from payment to dispatch. */
  dispatchDays: number;
}

/** Where a piece ships from and how it ships. */
export interface ShippingPolicy {
  fromCountry: string;
  options: ShippingOption[];
}

export const MAX_SHIPPING_OPTIONS = 30;
export const MAX_DISPATCH_DAYS = 60;

/**
 * The option that serves `country`: the country listed by name first (a maker may price one
 * neighbour apart), then `domestic` for the country the piece ships from, then `international`
 * for every other. Null: the piece does not ship there.
 */
export function shippingOptionFor(policy: ShippingPolicy, country: string): ShippingOption | null {
  const code = country.toUpperCase();
  const named = policy.options.find((o) => o.region === code);
  if (named) return named;
  const region = code === policy.fromCountry ? 'domestic' : 'international';
  return policy.options.find((o) => o.region === region) ?? null;
}

/** What is wrong with a shipping policy, or null when it is sound. */
export function shippingPolicyProblem(policy: ShippingPolicy): string | null {
  if (!isCountryCode(policy.fromCountry)) return 'fromCountry is not an ISO 3166-1 alpha-2 country code';
  if (policy.options.length === 0) return 'give at least one shipping option';
  if (policy.options.length > MAX_SHIPPING_OPTIONS) return `at most ${MAX_SHIPPING_OPTIONS} shipping options`;
  const seen = new Set<string>();
  for (const option of policy.options) {
    if (option.region !== 'domestic' && option.region !== 'international' && !isCountryCode(option.region)) {
      return `${option.region} is not domestic, international or a country code`;
    }
    if (option.region === policy.fromCountry) return 'the country it ships from is the domestic option';
    if (seen.has(option.region)) return `${option.region} appears twice`;
    seen.add(option.region);
    if (!Number.isSafeInteger(option.amountMinor) || option.amountMinor < 0) return 'a price is a whole amount ≥ 0';
    if (!Number.isInteger(option.dispatchDays) || option.dispatchDays < 1 || option.dispatchDays > MAX_DISPATCH_DAYS) {
      return `dispatch takes 1 to ${MAX_DISPATCH_DAYS} days`;
    }
  }
  return null;
}

/** Same policy, same meaning: compares fields, not key order (terms are frozen during an auction). */
export function sameShipping(a: ShippingPolicy | null, b: ShippingPolicy | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.fromCountry !== b.fromCountry || a.options.length !== b.options.length) return false;
  return a.options.every((o, i) => {
    const p = b.options[i]!;
    return o.region === p.region && o.amountMinor === p.amountMinor && o.dispatchDays === p.dispatchDays;
  });
}
