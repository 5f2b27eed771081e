/** The local provider's checkout: what its page shows, and paying or declining through the webhook path. */
import { DomainError } from '../../../platform/errors';
import { SOURCE_LOCALE, type Locale } from '../../../platform/i18n';
import { paymentMessages } from '../messages';
import type { PaymentsDeps, ShippingAddress } from '../deps';
import { findPaymentByWindow } from '../repo/money';
import { findSessionByProviderId } from '../repo/sessions';
import type { CheckoutSessionRow, PaymentRow } from '../tables';
import type { ShippingErrors, ShippingForm } from './checkout-page';
import { checkoutCompletedEvent, deliverLocalEvent, paymentFailedEvent } from './local-events';

export interface LocalCheckout {
  session: CheckoutSessionRow;
  payment: PaymentRow | null;
  /** `open`: can be paid now. */
  state: 'open' | 'paid' | 'refunding' | 'closed';
}

export async function loadLocalCheckout(deps: PaymentsDeps, sessionId: string): Promise<LocalCheckout> {
  const session = deps.provider.name === 'local' ? await findSessionByProviderId(deps.db, sessionId) : null;
  if (!session || session.provider !== 'local') throw new DomainError('checkout_not_found', 'No such checkout');
  const payment = await findPaymentByWindow(deps.db, session.windowId);
  if (payment) return { session, payment, state: payment.outcome === 'order' ? 'paid' : 'refunding' };
  const window = await deps.auctions.paymentWindow(session.windowId);
  const open =
    session.status !== 'expired' &&
    window?.status === 'open' &&
    deps.clock.now().getTime() < window.expiresAt.getTime();
  return { session, payment: null, state: open ? 'open' : 'closed' };
}

/** Checks the shipping form; every error is phrased for the person filling it in, in their language. */
export function validateShipping(
  form: Partial<ShippingForm>,
  onlyCountry: string | null,
  locale: Locale = SOURCE_LOCALE,
): { address: ShippingAddress } | { errors: ShippingErrors } {
  const say = (key: Parameters<typeof paymentMessages.format>[1], values = {}) =>
    paymentMessages.format(locale, key, values);
  const v = (s: string | undefined) => (s ?? '').trim();
  const values = {
    name: v(form.name),
    line1: v(form.line1),
    line2: v(form.line2),
    city: v(form.city),
    postalCode: v(form.postalCode),
    country: v(form.country).toUpperCase(),
  };
  const errors: ShippingErrors = {};
  if (!values.name) errors.name = say('error.name');
  if (!values.line1) errors.line1 = say('error.line1');
  if (!values.city) errors.city = say('error.city');
  if (!values.postalCode) errors.postalCode = say('error.postalCode');
  if (!/^[A-Z]{2}$/.test(values.country)) errors.country = say('error.country');
  else if (onlyCountry !== null && values.country !== onlyCountry) {
    errors.country = say('error.countryQuoted', { country: onlyCountry });
  }
  for (const [key, value] of Object.entries(values)) {
    if (value.length > 200) errors[key as keyof ShippingForm] = say('error.tooLong');
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { address: { ...values, line2: values.line2 || null } };
}

/**
 * Pays (or declines) a local checkout by feeding the signed event its provider would send through
 * the webhook path. Paying an already paid checkout answers its payment again.
 */
export async function completeLocalCheckout(
  deps: PaymentsDeps,
  sessionId: string,
  input: { outcome: 'succeeded' | 'failed'; shipping: ShippingAddress | null },
): Promise<{ status: 'succeeded' | 'failed'; windowId: string; orderId: string | null }> {
  const checkout = await loadLocalCheckout(deps, sessionId);
  const { session } = checkout;
  if (checkout.state === 'paid' || checkout.state === 'refunding') {
    return { status: 'succeeded', windowId: session.windowId, orderId: checkout.payment?.orderId ?? null };
  }
  if (checkout.state === 'closed') throw new DomainError('checkout_closed', 'This payment window has closed');
  const only = session.shippingCountry;
  if (
    input.outcome === 'succeeded' &&
    input.shipping &&
    only !== null &&
    input.shipping.country.toUpperCase() !== only
  ) {
    throw new DomainError('not_shipped_to_country', `Shipping was quoted for ${only}: the address must be there`, {
      country: input.shipping.country,
      quotedFor: only,
    });
  }
  const now = deps.clock.now();
  const event =
    input.outcome === 'succeeded'
      ? checkoutCompletedEvent(session, input.shipping, now)
      : paymentFailedEvent(session, now);
  await deliverLocalEvent(deps, event);
  const payment = await findPaymentByWindow(deps.db, session.windowId);
  return { status: input.outcome, windowId: session.windowId, orderId: payment?.orderId ?? null };
}
