import type { UserContact } from '../../identity';
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
  /** The recipient's contact details, looked up once per job when a channel needs them. */
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
