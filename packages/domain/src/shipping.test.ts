import { describe, expect, it } from 'vitest';
import { countryOfLocale } from './countries';
import { sameShipping, shippingOptionFor, shippingPolicyProblem, type ShippingPolicy } from './shipping';

const policy: ShippingPolicy = {
  fromCountry: 'PT',
  options: [
    { region: 'domestic', amountMinor: 500, dispatchDays: 2 },
    { region: 'ES', amountMinor: 900, dispatchDays: 3 },
    { region: 'international', amountMinor: 2500, dispatchDays: 5 },
  ],
};

describe('shipping', () => {
  it('quotes the listed country first, then domestic, then international', () => {
    expect(shippingOptionFor(policy, 'PT')?.amountMinor).toBe(500);
    expect(shippingOptionFor(policy, 'es')?.amountMinor).toBe(900);
    expect(shippingOptionFor(policy, 'US')?.amountMinor).toBe(2500);
  });

  it('answers null for a country no option serves', () => {
    const local: ShippingPolicy = {
      fromCountry: 'FR',
      options: [{ region: 'domestic', amountMinor: 0, dispatchDays: 1 }],
    };
    expect(shippingOptionFor(local, 'FR')?.amountMinor).toBe(0);
    expect(shippingOptionFor(local, 'BE')).toBeNull();
    const listed: ShippingPolicy = {
      fromCountry: 'FR',
      options: [{ region: 'BE', amountMinor: 700, dispatchDays: 2 }],
    };
    expect(shippingOptionFor(listed, 'FR')).toBeNull();
    expect(shippingOptionFor(listed, 'BE')?.amountMinor).toBe(700);
  });

  it('finds what is wrong with a policy', () => {
    expect(shippingPolicyProblem(policy)).toBeNull();
    expect(shippingPolicyProblem({ fromCountry: 'XX', options: policy.options })).toMatch(/fromCountry/);
    expect(shippingPolicyProblem({ fromCountry: 'PT', options: [] })).toMatch(/at least one/);
    const twice = { region: 'domestic', amountMinor: 1, dispatchDays: 1 };
    expect(shippingPolicyProblem({ fromCountry: 'PT', options: [twice, twice] })).toMatch(/twice/);
    expect(
      shippingPolicyProblem({ fromCountry: 'PT', options: [{ region: 'PT', amountMinor: 1, dispatchDays: 1 }] }),
    ).toMatch(/domestic/);
    expect(
      shippingPolicyProblem({ fromCountry: 'PT', options: [{ region: 'ZZ', amountMinor: 1, dispatchDays: 1 }] }),
    ).toMatch(/ZZ/);
    expect(
      shippingPolicyProblem({ fromCountry: 'PT', options: [{ region: 'domestic', amountMinor: -1, dispatchDays: 1 }] }),
    ).toMatch(/price/);
    expect(
      shippingPolicyProblem({ fromCountry: 'PT', options: [{ region: 'domestic', amountMinor: 1, dispatchDays: 0 }] }),
    ).toMatch(/dispatch/);
  });

  it('compares policies by meaning', () => {
    expect(sameShipping(policy, structuredClone(policy))).toBe(true);
    expect(sameShipping(policy, { ...policy, fromCountry: 'ES' })).toBe(false);
    expect(sameShipping(null, null)).toBe(true);
    expect(sameShipping(policy, null)).toBe(false);
    const cheaper = structuredClone(policy);
    cheaper.options[2]!.amountMinor = 2000;
    expect(sameShipping(policy, cheaper)).toBe(false);
  });

  it('reads the country of a browser locale', () => {
    expect(countryOfLocale('pt-BR')).toBe('BR');
    expect(countryOfLocale('en-GB')).toBe('GB');
    expect(countryOfLocale('de')).toBeNull();
    expect(countryOfLocale('not a locale')).toBeNull();
  });
});
