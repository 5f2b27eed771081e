/**
 * The local provider's events: the same JSON shapes as Stripe's event objects, signed with the
 * local webhook secret in Stripe's scheme and fed through the webhook path like any delivery.
 */
import { randomBytes } from 'node:crypto';
import type { PaymentsDeps, ShippingAddress } from '../deps';
import { localPaymentIntentId } from '../providers/local-provider';
import { receiveWebhook, type WebhookOutcome } from '../receive-webhook';
import type { CheckoutSessionRow } from '../tables';
import { signWebhookPayload } from '../webhook-signature';

interface LocalEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  livemode: false;
  type: string;
  data: { object: Record<string, unknown> };
}

function event(type: string, object: Record<string, unknown>, at: Date): LocalEvent {
  return {
    id: `evt_local_${randomBytes(12).toString('hex')}`,
    object: 'event',
    api_version: 'local',
    created: Math.floor(at.getTime() / 1000),
    livemode: false,
    type,
    data: { object },
  };
}

export function checkoutCompletedEvent(
  session: CheckoutSessionRow,
  shipping: ShippingAddress | null,
  at: Date,
): LocalEvent {
  const sessionId = session.providerSessionId!;
  return event(
    'checkout.session.completed',
    {
      id: sessionId,
      object: 'checkout.session',
      mode: 'payment',
      status: 'complete',
      payment_status: 'paid',
      amount_total: session.amountMinor + session.shippingMinor,
      shipping_cost: { amount_total: session.shippingMinor },
      currency: session.currency.toLowerCase(),
      payment_intent: localPaymentIntentId(sessionId),
      client_reference_id: session.windowId,
      metadata: { windowId: session.windowId },
      collected_information: shipping
        ? {
            shipping_details: {
              name: shipping.name,
              address: {
                line1: shipping.line1,
                line2: shipping.line2,
                city: shipping.city,
                postal_code: shipping.postalCode,
                country: shipping.country,
                state: shipping.state ?? null,
              },
            },
          }
        : null,
    },
    at,
  );
}

export function paymentFailedEvent(session: CheckoutSessionRow, at: Date): LocalEvent {
  return event(
    'payment_intent.payment_failed',
    {
      id: localPaymentIntentId(session.providerSessionId!),
      object: 'payment_intent',
      amount: session.amountMinor + session.shippingMinor,
      currency: session.currency.toLowerCase(),
      status: 'requires_payment_method',
      metadata: { windowId: session.windowId },
      last_payment_error: { code: 'card_declined', message: 'Your card was declined (local test payment).' },
    },
    at,
  );
}

export function accountUpdatedEvent(accountId: string, at: Date): LocalEvent {
  return event(
    'account.updated',
    { id: accountId, object: 'account', payouts_enabled: true, charges_enabled: true, details_submitted: true },
    at,
  );
}

/** Signs the event as Stripe would and hands it to the webhook path. */
export async function deliverLocalEvent(deps: PaymentsDeps, localEvent: LocalEvent): Promise<WebhookOutcome> {
  const body = JSON.stringify(localEvent);
  const signature = signWebhookPayload(deps.provider.webhookSecret, body, deps.clock.now());
  return (await receiveWebhook(deps, Buffer.from(body), signature)).outcome;
}
