/**
 * The active language: its catalogs loaded into Lingui's `i18n`, <html lang> set, and the tag that
 * formats numbers, money and dates (the browser's own tag when it is the same language, so a
 * viewer in Portugal gets "1234,50 €" and one in Brazil "R$ 1.234,50").
 */
import { i18n, type Messages } from '@lingui/core';
import { homeRegionTag } from '@vw/domain';
import { browserLocale, isLocale, localeOfTag, SOURCE_LOCALE, type Locale } from './locales';

const KEY = 'vw.locale';

/** Every catalog of every feature, one lazy chunk per language and feature. */
const catalogs = import.meta.glob<{ messages: Messages }>('../../locales/*/*.po');

const loaded = new Set<Locale>();
let tag: string = SOURCE_LOCALE;
const listeners = new Set<() => void>();

/** The tag `Intl` formats with: the browser's regional variant of the language, else the language. */
export function formatTag(): string {
  return tag;
}

export function currentLocale(): Locale {
  return isLocale(i18n.locale) ? i18n.locale : SOURCE_LOCALE;
}

/** The browser's tag for the language when it names a region ("pt-BR"), else the language's home region (as the server formats it). */
export function regionalTag(locale: Locale, languages: readonly string[]): string {
  return (
    languages.find((candidate) => localeOfTag(candidate) === locale && /[-_]/.test(candidate))?.replace('_', '-') ??
    homeRegionTag(locale)
  );
}

/** The language this device chose on the account screen, if any. */
export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale | null): void {
  try {
    if (locale) localStorage.setItem(KEY, locale);
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the choice holds until the page closes.
  }
}

/** The language to start in: this device's choice, else the browser's. */
export function initialLocale(): Locale {
  return storedLocale() ?? browserLocale();
}

/** Loads the language's catalogs (once) and makes it the active one. */
export async function activateLocale(locale: Locale): Promise<void> {
  if (!loaded.has(locale)) {
    const suffix = `/${locale}.po`;
    const modules = await Promise.all(
      Object.entries(catalogs)
        .filter(([file]) => file.endsWith(suffix))
        .map(([, load]) => load()),
    );
    i18n.load(locale, Object.assign({}, ...modules.map((module) => module.messages)) as Messages);
    loaded.add(locale);
  }
  const languages = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  tag = regionalTag(locale, languages);
  i18n.activate(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = tag;
  for (const listener of listeners) listener();
}

/** Called when the active language changes. */
export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export { i18n };
