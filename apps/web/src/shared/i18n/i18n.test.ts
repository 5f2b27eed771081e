import { afterEach, describe, expect, it } from 'vitest';
import { formatMoney, parseMoneyInput } from '../money';
import { formatAgo, formatTimeLeft } from '../time/format';
import { activateLocale, formatTag, initialLocale, regionalTag, storeLocale } from './i18n';
import { browserLocale, localeOfTag } from './locales';

afterEach(async () => {
  await activateLocale('en');
});

describe('the language', () => {
  it("follows the browser's first language the app speaks, unless this device chose one", () => {
    expect(browserLocale(['ja-JP', 'pt-BR', 'en'])).toBe('pt');
    expect(browserLocale(['ja-JP'])).toBe('en');
    expect(localeOfTag('de_AT')).toBe('de');
    storeLocale('fr');
    expect(initialLocale()).toBe('fr');
    storeLocale(null);
    expect(initialLocale()).toBe(browserLocale());
  });

  it("formats in the browser's region of the language, else in the language's home region", () => {
    expect(regionalTag('pt', ['pt-BR', 'en'])).toBe('pt-BR');
    expect(regionalTag('pt', ['pt', 'en'])).toBe('pt-PT');
    expect(regionalTag('de', ['de_AT'])).toBe('de-AT');
    expect(regionalTag('fr', ['en-US'])).toBe('fr-FR');
  });

  it('loads every catalogue of the language and formats in it', async () => {
    await activateLocale('pt');
    expect(document.documentElement.lang).toBe(formatTag());
    expect(formatTimeLeft(0)).toBe('Terminado');
    expect(formatTimeLeft(3 * 3600_000 + 5 * 60_000)).toBe('3 h e 5 min');
    expect(formatAgo(new Date(Date.now() - 5 * 60_000).toISOString())).toBe('há 5 minutos');
    expect(formatMoney(123_450, 'EUR', 'pt-PT')).toBe('1234,50\u00a0€');
    expect(parseMoneyInput('106,5', 'EUR')).toBe(10_650);
    await activateLocale('de');
    expect(formatTimeLeft(0)).toBe('Beendet');
    expect(parseMoneyInput('1.250,50', 'EUR')).toBe(125_050);
  });
});
