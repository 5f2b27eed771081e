/** The app's languages (the domain's), their names, and how a viewer's is chosen. */
import { localeOfTag, SOURCE_LOCALE, type Locale } from '@vw/domain';

export { isLocale, LOCALES, localeOfTag, SOURCE_LOCALE, type Locale } from '@vw/domain';

/** Each language in its own words, for the picker. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  pt: 'Português',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
};

/** The first of the browser's preferred languages the app speaks, else English. */
export function browserLocale(languages: readonly string[] = navigatorLanguages()): Locale {
  for (const tag of languages) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return SOURCE_LOCALE;
}

function navigatorLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}
