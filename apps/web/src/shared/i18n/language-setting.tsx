import { Trans } from '@lingui/react/macro';
import { activateLocale, currentLocale, storeLocale } from './i18n';
import { LOCALE_NAMES, LOCALES, isLocale, type Locale } from './locales';

/**
 * The app's language: the browser's unless chosen here. The choice is kept on this device and,
 * through `onChosen`, on the account (emails and notifications are written in it).
 */
export function LanguageSetting({ onChosen }: { onChosen?: (locale: Locale) => void }) {
  const choose = (value: string) => {
    if (!isLocale(value)) return;
    storeLocale(value);
    onChosen?.(value);
    void activateLocale(value);
  };
  return (
    <div className="field card">
      <label htmlFor="language">
        <Trans>Language</Trans>
      </label>
      <select id="language" className="select" value={currentLocale()} onChange={(e) => choose(e.target.value)}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
