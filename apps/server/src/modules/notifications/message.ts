/**
 * A notification's words: a pair of messages (`<name>.title`, `<name>.body`) in the causing
 * module's catalogue, and their values. The row keeps the key and the values, and is rendered in
 * its reader's language each time it is shown or sent; its `title` and `body` columns keep the
 * English, for what reads them directly.
 */
import { renderMessage, SOURCE_LOCALE, type Catalogue, type Locale, type MessageValues } from '../../platform/i18n';

/** The names `N` of a catalogue's keys `K` with both an `N.title` and an `N.body` message. */
export type NoticeName<K extends string> = NamesIn<K, K>;
type NamesIn<Each extends string, All extends string> = Each extends `${infer N}.title`
  ? `${N}.body` extends All
    ? N
    : never
  : never;

/** Which messages a notification says (`namespace.name`), and with which values. */
export interface NotificationMessage {
  readonly key: string;
  readonly values: MessageValues;
}

/**
 * The notification `name` of a catalogue with its values: money as `money(minor, currency)`,
 * instants as `instant(date)`, counts as numbers; never text already formatted in English.
 */
export function notice<K extends string>(
  catalogue: Catalogue<K>,
  name: NoticeName<K>,
  values: MessageValues = {},
): NotificationMessage {
  return { key: `${catalogue.namespace}.${name}`, values };
}

export interface NotificationText {
  title: string;
  body: string;
}

/** The title and body of a notification message in a language. */
export function renderNotification(message: NotificationMessage, locale: Locale): NotificationText {
  return {
    title: renderMessage(locale, { key: `${message.key}.title`, values: message.values }),
    body: renderMessage(locale, { key: `${message.key}.body`, values: message.values }),
  };
}

/**
 * A stored notification in its reader's language. A row written without a message key (or whose
 * message no longer exists) is shown as it was written.
 */
export function localise(
  row: { title: string; body: string; messageKey: string | null; messageValues: MessageValues | null },
  locale: Locale,
): NotificationText {
  if (!row.messageKey || locale === SOURCE_LOCALE) return { title: row.title, body: row.body };
  try {
    return renderNotification({ key: row.messageKey, values: row.messageValues ?? {} }, locale);
  } catch {
    return { title: row.title, body: row.body };
  }
}
