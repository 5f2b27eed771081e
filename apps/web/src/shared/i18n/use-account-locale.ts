import { useEffect } from 'react';
import { useMeQuery } from '../queries/auth/use-me-query';
import { activateLocale, currentLocale, storedLocale } from './i18n';
import { isLocale, SOURCE_LOCALE } from './locales';

/**
 * A language chosen on the account follows its owner to a device that has not chosen one: once
 * signed in, the app switches to it. English, the account's language until one is chosen, never
 * overrides the browser's.
 */
export function useAccountLocale(): void {
  const accountLocale = useMeQuery().data?.locale;
  useEffect(() => {
    if (!isLocale(accountLocale) || accountLocale === SOURCE_LOCALE) return;
    if (storedLocale() !== null || accountLocale === currentLocale()) return;
    void activateLocale(accountLocale);
  }, [accountLocale]);
}
