import { COUNTRY_CODES } from '@vw/domain';
import { formatTag } from '../i18n/i18n';

const names = new Map<string, Intl.DisplayNames>();

/** A country's name in the viewer's language ("PT" → "Portugal"); the code when the runtime has no name. */
export function countryName(code: string, locale: string = formatTag()): string {
  let display = names.get(locale);
  if (!display) {
    display = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
    names.set(locale, display);
  }
  return display.of(code) ?? code;
}

/** Every country, named and sorted for the viewer, for pickers. */
export function countryChoices(locale: string = formatTag()): { code: string; name: string }[] {
  const collator = new Intl.Collator(locale);
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}
