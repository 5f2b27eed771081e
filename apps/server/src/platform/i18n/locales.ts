/** How a person's language is chosen; the languages themselves are the domain's. */
import { homeRegionTag, isLocale, localeOfTag, SOURCE_LOCALE, type Locale } from '@vw/domain';

export { isLocale, LOCALES, localeOfTag, SOURCE_LOCALE, type Locale } from '@vw/domain';

/**
 * The first supported language of an Accept-Language header, by the weights it gives
 * ("fr-CH, fr;q=0.9, en;q=0.8" → "fr"); null when it names none of them (or none at all).
 */
export function localeFromAcceptLanguage(header: string | readonly string[] | null | undefined): Locale | null {
  const value = Array.isArray(header) ? header.join(',') : (header as string | null | undefined);
  if (!value) return null;
  const ranges = value
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      const weight = q === undefined ? 1 : Number(q);
      return { locale: localeOfTag(tag), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.locale !== null && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranges[0]?.locale ?? null;
}

/** The first of the candidates that is a supported language, else English. */
export function chooseLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) if (isLocale(candidate)) return candidate;
  return SOURCE_LOCALE;
}

/** The regional tag to format money, numbers and dates with for a language ("pt" → "pt-PT"). */
export function formatTag(locale: Locale): string {
  return homeRegionTag(locale);
}
