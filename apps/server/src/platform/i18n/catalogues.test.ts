import { describe, expect, it } from 'vitest';
// The whole product, so every module's catalogue is defined.
import '../../composition/runtime';
import { allCatalogues, compileMessage, defineCatalogue, instant, money, renderMessage } from './catalogue';
import { chooseLocale, formatTag, localeFromAcceptLanguage, LOCALES, type Locale } from './locales';

/** A parsed message's element, as much of it as the comparison needs. */
interface Element {
  type: number;
  value?: unknown;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
}

const TYPE_NAMES: Record<number, string> = { 1: 'text', 2: 'number', 3: 'date', 4: 'time', 5: 'select', 6: 'plural' };

/** The arguments a message uses, each with its kind (and a select's choices): `amount:text`, `n:plural`… */
function argumentsOf(elements: Element[], found = new Set<string>()): Set<string> {
  for (const el of elements) {
    const kind = TYPE_NAMES[el.type];
    if (kind) {
      const choices = el.type === 5 && el.options ? `(${Object.keys(el.options).sort().join('|')})` : '';
      found.add(`${String(el.value)}:${kind}${choices}`);
    }
    for (const option of Object.values(el.options ?? {})) argumentsOf(option.value, found);
    if (el.children) argumentsOf(el.children, found);
  }
  return found;
}

const parsed = (text: string, locale: Locale) => argumentsOf(compileMessage(text, locale).getAst());

/** A value of the right kind for every argument, to format each message once. */
function sampleValues(args: Set<string>): Record<string, string | number | Date> {
  const values: Record<string, string | number | Date> = {};
  for (const arg of args) {
    const [name = '', kind = ''] = arg.split(':');
    if (kind === 'number' || kind === 'plural') values[name] = 2;
    else if (kind === 'date' || kind === 'time') values[name] = new Date(Date.UTC(2026, 0, 2, 14, 30));
    else if (kind.startsWith('select')) values[name] = 'other';
    else values[name] = 'x';
  }
  return values;
}

describe('the server’s message catalogues', () => {
  const catalogues = allCatalogues();

  it('holds the catalogue of every module that writes to people', () => {
    expect(catalogues.map((c) => c.namespace).sort()).toEqual(
      [
        'admin',
        'auctions',
        'conversations',
        'identity',
        'notifications',
        'orders',
        'payments',
        'reviews',
        'social',
        'watchlist',
      ].sort(),
    );
  });

  it('has every message in all five languages, each parsing and using the same arguments as the English', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const catalogue of catalogues) {
      const keys = Object.keys(catalogue.messages.en);
      for (const locale of LOCALES) {
        const messages: Record<string, string> = catalogue.messages[locale];
        const extra = Object.keys(messages).filter((k) => !keys.includes(k));
        if (extra.length)
          problems.push(`${catalogue.namespace} (${locale}) has keys English lacks: ${extra.join(', ')}`);
        for (const key of keys) {
          const id = `${catalogue.namespace}.${key} (${locale})`;
          const text = messages[key];
          if (typeof text !== 'string' || text.trim() === '') {
            problems.push(`${id} is missing`);
            continue;
          }
          try {
            const english = parsed(catalogue.messages.en[key]!, 'en');
            const args = parsed(text, locale);
            if ([...english].sort().join() !== [...args].sort().join()) {
              problems.push(`${id} uses {${[...args].join(', ')}}, English {${[...english].join(', ')}}`);
            }
            compileMessage(text, locale).format(sampleValues(english));
            checked++;
          } catch (err) {
            problems.push(`${id} does not parse or format: ${String(err)}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(5 * 150);
  });

  it('translates: no message with words is left in English in every other language', () => {
    const untranslated: string[] = [];
    for (const catalogue of catalogues) {
      for (const [key, english] of Object.entries(catalogue.messages.en)) {
        const words = english.replace(/\{[^{}]*\}/g, '').replace(/UTC|Video Window/g, '');
        if (!/[a-z]{2}/i.test(words)) continue;
        if (LOCALES.every((l) => catalogue.messages[l][key] === english))
          untranslated.push(`${catalogue.namespace}.${key}`);
      }
    }
    expect(untranslated).toEqual([]);
  });
});

describe('choosing and formatting a language', () => {
  it('takes the first supported language of an Accept-Language header, by its weights', () => {
    expect(localeFromAcceptLanguage('pt-PT,pt;q=0.9,en;q=0.8')).toBe('pt');
    expect(localeFromAcceptLanguage('it, fr-CH;q=0.5, de;q=0.7')).toBe('de');
    expect(localeFromAcceptLanguage('it, ja')).toBeNull();
    expect(localeFromAcceptLanguage('es;q=0, fr')).toBe('fr');
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
    expect(chooseLocale(null, 'klingon', 'es')).toBe('es');
    expect(chooseLocale(undefined)).toBe('en');
  });

  it('formats money with the language’s regional tag, keeping the amount’s currency, and plurals by count', () => {
    expect(formatTag('pt')).toBe('pt-PT');
    const test = defineCatalogue(
      'testOnly',
      { price: '{amount} at {at, date, utc} UTC, {n, plural, one {# bid} other {# bids}}' },
      {
        pt: { price: '{amount} em {at, date, utc} UTC, {n, plural, one {# licitação} other {# licitações}}' },
        es: { price: '{amount} el {at, date, utc} UTC, {n, plural, one {# puja} other {# pujas}}' },
        fr: { price: '{amount} le {at, date, utc} UTC, {n, plural, one {# enchère} other {# enchères}}' },
        de: { price: '{amount} am {at, date, utc} UTC, {n, plural, one {# Gebot} other {# Gebote}}' },
      },
    );
    const values = { amount: money(123_450, 'EUR'), at: instant(new Date(Date.UTC(2026, 0, 2, 14, 30))), n: 1 };
    const pt = renderMessage('pt', test.ref('price', values)).replace(/\s/g, ' ');
    expect(pt).toBe('1234,50 € em 02/01/2026, 14:30 UTC, 1 licitação');
    expect(test.format('de', 'price', { ...values, n: 3 }).replace(/\s/g, ' ')).toBe(
      '1.234,50 € am 02.01.2026, 14:30 UTC, 3 Gebote',
    );
    expect(test.format('en', 'price', { ...values, amount: money(10_600, 'USD') }).replace(/\s/g, ' ')).toBe(
      '$106.00 at Jan 2, 2026, 2:30 PM UTC, 1 bid',
    );
  });
});
