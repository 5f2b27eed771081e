export { isCountryCode } from '@vw/domain';

// ISO 4217 codes in circulation, as the runtime's ICU data knows them.
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function isCurrencyCode(code: string): boolean {
  return CURRENCIES.has(code);
}
