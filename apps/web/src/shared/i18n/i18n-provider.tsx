import { I18nProvider } from '@lingui/react';
import { Fragment, useSyncExternalStore, type ReactNode } from 'react';
import { currentLocale, i18n, onLocaleChange } from './i18n';

/**
 * Lingui's provider, with the screens remounted when the language changes so that every text,
 * price and date (also those formatted outside React) is drawn again in the new one.
 */
export function AppI18nProvider({ children }: { children: ReactNode }) {
  const locale = useSyncExternalStore(onLocaleChange, currentLocale, currentLocale);
  return (
    <I18nProvider i18n={i18n}>
      <Fragment key={locale}>{children}</Fragment>
    </I18nProvider>
  );
}
