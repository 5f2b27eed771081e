/** The languages the product speaks to people (the server's messages and the app's), and how each is formatted. */
export const LOCALES = ['en', 'pt', 'es', 'fr', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

/** The language messages are written in first, and the one used when nothing says otherwise. */
export const SOURCE_LOCALE: Locale = 'en';

/**
 * The regional tag each language is formatted with (money, dates, plural rules) when nothing names
 * a region: Portuguese is European Portuguese ("1234,50 €"), Spanish is Spain's.
 */
const HOME_REGION_TAGS: Record<Locale, string> = {
  en: 'en-US',
  pt: 'pt-PT',
  es: 'es-ES',
  fr: 'fr-FR',
  de: 'de-DE',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The supported language of a BCP 47 tag ("pt-BR" → "pt", "de_AT" → "de"), or null. */
export function localeOfTag(tag: string | null | undefined): Locale | null {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(language) ? language : null;
}

/** The tag a language is formatted with when no region is named ("pt" → "pt-PT"). */
export function homeRegionTag(locale: Locale): string {
  return HOME_REGION_TAGS[locale];
}
