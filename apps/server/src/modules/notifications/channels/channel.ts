import { chooseLocale, type Locale } from '../../../platform/i18n';
import type { UserContact } from '../../identity';
import { localise, type NotificationText } from '../message';
import type { NotificationRow } from '../repo';

/** What a channel did with a notification; a retryable failure is thrown instead. */
export type ChannelOutcome = { status: 'sent' } | { status: 'skipped'; reason: string };

/** The provider refused this message for good (a bad address, a rejected payload): retrying will not help. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

export interface DeliveryContext {
  notification: NotificationRow;
  /** The recipient's contact details (and language), looked up once per job when a channel needs them. */
  contact(): Promise<UserContact | null>;
}

/** Sends one notification on one channel. */
export interface ChannelSender {
  send(delivery: DeliveryContext): Promise<ChannelOutcome>;
}

/** Contact details we may use: none for a deleted account. */
export async function reachable(delivery: DeliveryContext): Promise<UserContact | null> {
  const contact = await delivery.contact();
  return contact && contact.status !== 'deleted' ? contact : null;
}

/**
 * The notification's words in the recipient's current language (their account's, else English),
 * rendered when sent: a language changed after the notification was written still counts.
 */
export async function textOf(delivery: DeliveryContext): Promise<NotificationText & { locale: Locale }> {
  const locale = chooseLocale((await delivery.contact())?.locale);
  return { ...localise(delivery.notification, locale), locale };
}
