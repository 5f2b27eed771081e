/**
 * The server's message catalogues: every text the server writes for a person (notifications,
 * emails, texts, server-rendered pages) is an ICU message (FormatJS `intl-messageformat`),
 * written in English where it is used and translated into every other language beside it.
 *
 * A catalogue is one module's messages (`defineCatalogue('auctions', en, { pt, es, fr, de })`);
 * its type makes a language that lacks a message, or has one English does not, a type error.
 * Catalogues register themselves by namespace, so a message stored by key (a notification
 * rendered later, in whatever language its reader has then) is found again by that key.
 */
import { formatMoney } from '@vw/domain';
import { IntlMessageFormat } from 'intl-messageformat';
import { escapeHtml } from '../html';
import { formatTag, SOURCE_LOCALE, type Locale } from './locales';

/** An amount of money: shown with `formatMoney` in the reader's locale, in its own currency. */
export interface MoneyValue {
  readonly amountMinor: number;
  readonly currency: string;
}

/** An instant (ISO 8601), for a `{name, date, utc}` or `{name, time, utc}` argument. */
export interface DateValue {
  readonly date: string;
}

/** Another message (its full key, `namespace.key`), shown in the same language. */
export interface PhraseValue {
  readonly message: string;
}

/** What a message's arguments may be: plain JSON, so a reference can be stored and rendered later. */
export type MessageValue = string | number | MoneyValue | DateValue | PhraseValue;
export type MessageValues = Readonly<Record<string, MessageValue>>;

/** A message and its values, to render in a language later (`renderMessage`). */
export interface MessageRef {
  /** `namespace.key` */
  readonly key: string;
  readonly values: MessageValues;
}

export const money = (amountMinor: number, currency: string): MoneyValue => ({ amountMinor, currency });
export const instant = (at: Date | string): DateValue => ({ date: typeof at === 'string' ? at : at.toISOString() });

type Translations<K extends string> = { readonly [L in Exclude<Locale, 'en'>]: Readonly<Record<K, string>> };

export interface Catalogue<K extends string> {
  readonly namespace: string;
  readonly messages: { readonly [L in Locale]: Readonly<Record<K, string>> };
  /** The message in a language, its arguments filled in. */
  format(locale: Locale, key: K, values?: MessageValues): string;
  /**
   * The same as HTML: the text escaped, and each argument named in `markup` replaced by that
   * markup as given (a `<time>` element around a formatted date, say).
   */
  formatHtml(locale: Locale, key: K, values: MessageValues, markup: Readonly<Record<string, string>>): string;
  /** A reference to one of the messages, to store and render later in its reader's language. */
  ref(key: K, values?: MessageValues): MessageRef;
  /** One of the messages as another message's value (rendered in that message's language). */
  phrase(key: K): PhraseValue;
}

/**
 * Named date and time styles the messages use: `{at, date, utc}` is a date with its time,
 * `{at, date, utcDay}` a date alone, `{at, time, utc}` a time of day; always in UTC, which the
 * message says in words ("… 14:30 UTC").
 */
const FORMATS = {
  date: {
    utc: { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' },
    utcDay: { dateStyle: 'long', timeZone: 'UTC' },
  },
  time: {
    utc: { timeStyle: 'short', timeZone: 'UTC' },
  },
} as const;

const registry = new Map<string, Catalogue<string>>();
const compiled = new Map<string, IntlMessageFormat>();

/** Compiles one message (tags are plain text: a message never carries markup). */
export function compileMessage(text: string, locale: Locale): IntlMessageFormat {
  return new IntlMessageFormat(text, formatTag(locale), FORMATS, { ignoreTag: true });
}

function prepared(locale: Locale, values: MessageValues): Record<string, string | number | Date> {
  const out: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'number') out[name] = value;
    else if ('amountMinor' in value) out[name] = formatMoney(value.amountMinor, value.currency, formatTag(locale));
    else if ('date' in value) out[name] = new Date(value.date);
    else out[name] = renderMessage(locale, { key: value.message, values: {} });
  }
  return out;
}

/**
 * Declares a module's catalogue: the English messages, then every other language's. Each
 * language must have exactly English's keys (checked by the compiler); the catalogue test checks
 * that each translation parses and uses the same arguments.
 */
export function defineCatalogue<const K extends string>(
  namespace: string,
  en: Readonly<Record<K, string>>,
  translations: Translations<NoInfer<K>>,
): Catalogue<K> {
  if (!/^[a-z][a-zA-Z0-9-]*$/.test(namespace)) throw new Error(`bad catalogue namespace "${namespace}"`);
  if (registry.has(namespace)) throw new Error(`the catalogue "${namespace}" is defined twice`);
  const messages = { en, ...translations };
  const catalogue: Catalogue<K> = {
    namespace,
    messages,
    format(locale, key, values = {}) {
      const id = `${locale}:${namespace}.${key}`;
      let message = compiled.get(id);
      if (!message) {
        message = compileMessage(messages[locale][key], locale);
        compiled.set(id, message);
      }
      return String(message.format(prepared(locale, values)));
    },
    formatHtml(locale, key, values, markup) {
      // Private-use characters stand for the markup while the text is formatted and escaped.
      const slots = Object.keys(markup);
      const stand = (i: number) => `\uE000${i}\uE001`;
      const withSlots = { ...values, ...Object.fromEntries(slots.map((name, i) => [name, stand(i)])) };
      let html = escapeHtml(catalogue.format(locale, key, withSlots));
      slots.forEach((name, i) => {
        html = html.split(stand(i)).join(markup[name]);
      });
      return html;
    },
    ref: (key, values = {}) => ({ key: `${namespace}.${key}`, values }),
    phrase: (key) => ({ message: `${namespace}.${key}` }),
  };
  registry.set(namespace, catalogue);
  return catalogue;
}

/** An instant as a date and time in UTC in a language (the text says "UTC" itself). */
export function formatInstant(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(formatTag(locale), FORMATS.date.utc).format(at);
}

/** Whether a full key (`namespace.key`) names a message of a defined catalogue. */
export function hasMessage(key: string): boolean {
  const dot = key.indexOf('.');
  const catalogue = dot > 0 ? registry.get(key.slice(0, dot)) : undefined;
  return catalogue !== undefined && Object.hasOwn(catalogue.messages[SOURCE_LOCALE], key.slice(dot + 1));
}

/** Renders a stored reference in a language; throws when its catalogue or message is unknown. */
export function renderMessage(locale: Locale, ref: MessageRef): string {
  const dot = ref.key.indexOf('.');
  const catalogue = dot > 0 ? registry.get(ref.key.slice(0, dot)) : undefined;
  const key = ref.key.slice(dot + 1);
  if (!catalogue || !Object.hasOwn(catalogue.messages[SOURCE_LOCALE], key)) {
    throw new Error(`no message "${ref.key}"`);
  }
  return catalogue.format(locale, key, ref.values);
}

/** Every catalogue defined so far (the catalogue test reads them all). */
export function allCatalogues(): readonly Catalogue<string>[] {
  return [...registry.values()];
}
