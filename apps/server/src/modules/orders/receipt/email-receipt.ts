import { chooseLocale } from '../../../platform/i18n';
import type { OrdersDeps } from '../deps';
import { findOrder } from '../repo';
import { renderReceiptEmail } from './receipt-page';
import { receiptPath, receiptToken } from './receipt-token';

/**
 * Emails the buyer their receipt (a job after the payment committed; a retry sends the same mail),
 * in the buyer's language.
 */
export async function emailReceipt(deps: OrdersDeps, orderId: string): Promise<void> {
  const order = await findOrder(deps.db, orderId);
  if (!order) return;
  const contact = await deps.identity.contactOf(order.buyerId);
  const email = contact?.email;
  if (!email) return;
  const makerName = await deps.identity.displayName(order.makerId);
  const token = receiptToken(
    deps.secrets.internalSigningSecret,
    order.id,
    order.buyerId,
    'buyer',
    deps.clock.now().getTime(),
  );
  const receiptUrl = new URL(receiptPath(order.id, token), deps.publicUrl).toString();
  await deps.mailer.send({
    channel: 'email',
    to: email,
    ...renderReceiptEmail({ order, makerName, receiptUrl, locale: chooseLocale(contact.locale) }),
  });
}
